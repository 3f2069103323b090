/**
 * Small measuring helpers of the store benchmarks: temporary data folders,
 * memory figures of this process, the size of a store's files and LMDB's own
 * page counts.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { LmdbStore } from '../../link/index.js';

/** A fresh folder under os.tmpdir(); remove it with removeTemp. */
export function makeTemp(label: string): string {
  return mkdtempSync(join(tmpdir(), `isthmus-bench-${label}-`));
}

export function removeTemp(dir: string | null): void {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * A full garbage collection, whether or not node was started with
 * --expose-gc (the flag can be set at run time; `gc` then exists in a new
 * context). Null when neither works.
 */
export function exposeGc(): (() => void) | null {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    v8.setFlagsFromString('--expose-gc');
    const f = vm.runInNewContext('gc') as unknown;
    return typeof f === 'function' ? (f as () => void) : null;
  } catch {
    return null;
  }
}

export interface MemoryFigures {
  /** process.memoryUsage(), bytes. */
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** From /proc/self/status (Linux), bytes: anonymous memory, and mapped file pages (LMDB's map) resident. */
  rssAnon: number;
  rssFile: number;
}

/** This process's memory now, after a full GC when gc is given (twice: weak references clear on the second). */
export function memoryFigures(gc: (() => void) | null): MemoryFigures {
  if (gc) { gc(); gc(); }
  const m = process.memoryUsage();
  const status = procStatus();
  return {
    rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers,
    rssAnon: status.RssAnon ?? NaN, rssFile: status.RssFile ?? NaN,
  };
}

function procStatus(): Record<string, number> {
  try {
    const out: Record<string, number> = {};
    for (const line of readFileSync('/proc/self/status', 'utf8').split('\n')) {
      const m = /^(\w+):\s+(\d+) kB$/.exec(line);
      if (m) out[m[1]!] = Number(m[2]) * 1024;
    }
    return out;
  } catch {
    return {};
  }
}

export interface StoreFiles {
  /** Apparent size of data.mdb, bytes. */
  dataBytes: number;
  /** Disk blocks data.mdb really holds (a sparse file holds fewer), bytes. */
  dataAllocated: number;
  lockBytes: number;
}

export function storeFiles(location: string): StoreFiles {
  const size = (name: string): { size: number; blocks: number } => {
    try {
      const s = statSync(join(location, name));
      return { size: s.size, blocks: s.blocks * 512 };
    } catch {
      return { size: NaN, blocks: NaN };
    }
  };
  const data = size('data.mdb');
  return { dataBytes: data.size, dataAllocated: data.blocks, lockBytes: size('lock.mdb').size };
}

export interface LmdbFigures {
  pageSize: number;
  /** Pages of the environment in use: (last page number + 1) × page size is what the file must hold. */
  usedBytes: number;
  /** Pages of the messages database: leaves, branches, overflow. */
  msgs: { entries: number; leafPages: number; branchPages: number; overflowPages: number; depth: number };
  /** Pages on LMDB's free list (reusable) as far as its stats tell. */
  freeListEntries: number;
  /** Write transactions committed since the store was created: one sync each. */
  lastTxnId: number;
}

interface RawStats {
  pageSize: number; treeDepth: number; treeBranchPageCount: number; treeLeafPageCount: number;
  entryCount: number; overflowPages: number; lastPageNumber: number; lastTxnId: number;
  free?: { entryCount: number };
}

export function lmdbFigures(store: LmdbStore): LmdbFigures {
  const env = store.env.getStats() as RawStats;
  const msgs = store.msgs.getStats() as RawStats;
  return {
    pageSize: env.pageSize,
    usedBytes: (env.lastPageNumber + 1) * env.pageSize,
    msgs: {
      entries: msgs.entryCount, leafPages: msgs.treeLeafPageCount, branchPages: msgs.treeBranchPageCount,
      overflowPages: msgs.overflowPages, depth: msgs.treeDepth,
    },
    freeListEntries: env.free?.entryCount ?? NaN,
    lastTxnId: env.lastTxnId,
  };
}
