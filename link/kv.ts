/**
 * The application's key-value space in the hub's store. Its point is the
 * exactly-once effect: a 'message' handler that records what it did here
 * commits that record in the same transaction as the message's watermark.
 * After a crash either both happened (the message is not delivered again) or
 * neither did (it is delivered again, and the handler runs as if for the
 * first time). Effects outside the store (a log line, a network call) may
 * repeat after a crash of this process — never after a reconnect.
 */
import type { Database } from 'lmdb';
import { HIGH } from './lmdb-layout.js';
import { ReceiveOverlay, type ReceiveCommits } from './receive-overlay.js';

export type KvKey = string | Array<string | number>;

export interface KeyValue {
  get(key: KvKey): unknown;
  /**
   * Inside a 'message' handler it joins the commit of the delivery's
   * watermark; outside one it writes synchronously (unless a handler's write
   * to the same key is still on its way: then it follows that one, committed
   * at the end of the turn).
   */
  put(key: KvKey, value: unknown): void;
  remove(key: KvKey): void;
  /** Entries whose string key starts with prefix (or, for array keys, whose first elements equal prefix), in key order. */
  list(prefix: KvKey): Array<{ key: KvKey; value: unknown }>;
}

/**
 * Handlers run before the receive transaction opens (receive-overlay.ts): what
 * they write waits in an overlay, which reads consult first, and commits with
 * the watermarks. A write outside the handlers is its own synchronous
 * transaction, unless a handler's write to the same key is still on its way:
 * then it joins that queue (committed at the end of the turn), so that it
 * lands after it.
 */
export class LmdbKeyValue implements KeyValue {
  private readonly pending: ReceiveOverlay<KvKey>;

  constructor(private readonly db: Database<unknown, KvKey>, private readonly commits: ReceiveCommits) {
    this.pending = new ReceiveOverlay<KvKey>(db, kvId);
  }

  get(key: KvKey): unknown {
    const e = this.pending.get(key);
    if (e) return e.removed ? undefined : e.value;
    return this.db.get(key);
  }
  put(key: KvKey, value: unknown): void {
    this.set(key, value, false);
  }
  remove(key: KvKey): void {
    this.set(key, undefined, true);
  }
  list(prefix: KvKey): Array<{ key: KvKey; value: unknown }> {
    const range = typeof prefix === 'string' ? { start: prefix, end: prefix + HIGH } : { start: prefix, end: [...prefix, HIGH] };
    const stored = [...this.db.getRange(range)].map(({ key, value }) => ({ key, value }));
    if (this.pending.size === 0) return stored;
    return this.pending.merge(stored, (k) => startsWith(k, prefix), (key, value) => ({ key, value }));
  }
  /** A receive commit completed: its writes are read from the store again. */
  settled(commit: number): void {
    this.pending.settled(commit);
  }

  private set(key: KvKey, value: unknown, removed: boolean): void {
    if (this.commits.delivering || this.pending.get(key)) {
      this.pending.defer(this.commits, key, value, removed);
      if (!this.commits.delivering) this.commits.commitSoon();
    } else {
      this.pending.write(key, value, removed);
    }
  }
}

function kvId(key: KvKey): string {
  return typeof key === 'string' ? `s${key}` : JSON.stringify(key);
}

/** What list(prefix) matches: a string key by its start, an array key by its first elements. */
function startsWith(key: KvKey, prefix: KvKey): boolean {
  if (typeof prefix === 'string') return typeof key === 'string' && key.startsWith(prefix);
  return Array.isArray(key) && prefix.every((p, i) => key[i] === p);
}

export class MemoryKeyValue implements KeyValue {
  private readonly map = new Map<string, { key: KvKey; value: unknown }>();
  private static id(key: KvKey): string {
    return JSON.stringify(key);
  }
  get(key: KvKey): unknown {
    return this.map.get(MemoryKeyValue.id(key))?.value;
  }
  put(key: KvKey, value: unknown): void {
    this.map.set(MemoryKeyValue.id(key), { key, value });
  }
  remove(key: KvKey): void {
    this.map.delete(MemoryKeyValue.id(key));
  }
  list(prefix: KvKey): Array<{ key: KvKey; value: unknown }> {
    const match = (k: KvKey): boolean => typeof prefix === 'string'
      ? typeof k === 'string' && k.startsWith(prefix)
      : Array.isArray(k) && prefix.every((p, i) => k[i] === p);
    return [...this.map.values()].filter((e) => match(e.key)).sort((a, b) => (MemoryKeyValue.id(a.key) < MemoryKeyValue.id(b.key) ? -1 : 1));
  }
}
