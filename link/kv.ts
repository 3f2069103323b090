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

export type KvKey = string | Array<string | number>;

export interface KeyValue {
  get(key: KvKey): unknown;
  /** Writes synchronously: inside a handler it joins the delivery's transaction. */
  put(key: KvKey, value: unknown): void;
  remove(key: KvKey): void;
  /** Entries whose string key starts with prefix (or, for array keys, whose first elements equal prefix), in key order. */
  list(prefix: KvKey): Array<{ key: KvKey; value: unknown }>;
}

export class LmdbKeyValue implements KeyValue {
  constructor(private readonly db: Database<unknown, KvKey>) {}
  get(key: KvKey): unknown {
    return this.db.get(key);
  }
  put(key: KvKey, value: unknown): void {
    this.db.putSync(key, value);
  }
  remove(key: KvKey): void {
    this.db.removeSync(key);
  }
  list(prefix: KvKey): Array<{ key: KvKey; value: unknown }> {
    const range = typeof prefix === 'string' ? { start: prefix, end: prefix + HIGH } : { start: prefix, end: [...prefix, HIGH] };
    return [...this.db.getRange(range)].map(({ key, value }) => ({ key, value }));
  }
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
