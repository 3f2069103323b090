/**
 * Refuses new writes before the disk is full: a full disk would fail a commit
 * half-way through a batch, and LMDB cannot grow its map without free space.
 * Free space is read at most once a second (statfs is a syscall).
 */
import { statfsSync } from 'node:fs';
import { IsthmusError } from './errors.js';

/** The store refuses new messages: the disk is nearly full. */
export class StoreFullError extends IsthmusError {
  constructor(readonly dir: string, readonly freeBytes: number, readonly minFreeBytes: number) {
    super('STORE_FULL', `refusing to queue: ${mib(freeBytes)} free on the disk of ${dir}, below the guard of ${mib(minFreeBytes)}; free space or raise storeMinFreeBytes`);
    this.name = 'StoreFullError';
  }
}

function mib(n: number): string {
  return `${(n / (1 << 20)).toFixed(0)} MiB`;
}

export class DiskGuard {
  private checkedAt = 0;
  private free = Infinity;

  constructor(private readonly dir: string, private readonly minFreeBytes: number, private readonly statfs = statfsSync) {}

  /** Free bytes as last read (refreshed at most once a second). */
  freeBytes(now = Date.now()): number {
    if (now - this.checkedAt >= 1000) {
      const s = this.statfs(this.dir);
      this.free = Number(s.bavail) * Number(s.bsize);
      this.checkedAt = now;
    }
    return this.free;
  }

  check(): void {
    if (this.minFreeBytes <= 0) return;
    const free = this.freeBytes();
    if (free < this.minFreeBytes) throw new StoreFullError(this.dir, free, this.minFreeBytes);
  }
}
