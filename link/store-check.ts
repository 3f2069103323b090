/**
 * Checks an LMDB store before this process maps it. A truncated file makes
 * LMDB fault with SIGBUS, a damaged one with SIGSEGV: the process would die,
 * not throw. So a child process opens the store and reads every record first;
 * if the child fails or dies, the store is reported, named, and left as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IsthmusError } from './errors.js';

export class StoreCorruptError extends IsthmusError {
  constructor(readonly file: string, detail: string) {
    super('STORE_CORRUPT', `store ${file} is unreadable (${detail}). It was not modified. `
      + `To start with an empty store, move its folder aside (messages queued in it are lost); `
      + `or restore it from a backup.`);
    this.name = 'StoreCorruptError';
  }
}

const CHILD = fileURLToPath(new URL('./store-check-child.js', import.meta.url));

export function checkStore(dir: string): void {
  const file = join(dir, 'data.mdb');
  if (!existsSync(file)) return;
  const r = spawnSync(process.execPath, [CHILD, dir], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (r.status === 0) return;
  const detail = r.signal ? `reading it kills a process with ${r.signal}${r.signal === 'SIGBUS' ? ': the file is truncated' : ''}`
    : (r.stderr || r.stdout || `check exited ${r.status}`).trim().split('\n').pop()!;
  throw new StoreCorruptError(file, detail);
}
