/**
 * A store makes the outboxes, inboxes and the resource cache of one hub.
 * `memory` for tests and an explicit `--store memory`; `lmdb` for real runs.
 */
import type { WireMessage } from '../proto/index.js';
import type { Inbox } from './inbox.js';
import { MemoryInbox } from './inbox.js';
import { MemoryOutbox } from './memory-outbox.js';
import type { Outbox, LanePolicy } from './outbox.js';
import { InboundMessage } from './message.js';
import { MemoryKeyValue, type KeyValue } from './kv.js';

export type StoreKind = 'memory' | 'lmdb';

/** The store a hub uses: as asked, else lmdb when it has a data folder, else memory. */
export function storeKind(asked: unknown, dataDir: string | undefined, field: string): StoreKind {
  if (asked !== undefined && asked !== 'memory' && asked !== 'lmdb') throw new TypeError(`store "${String(asked)}" is not one of memory, lmdb`);
  const kind = (asked as StoreKind | undefined) ?? (dataDir ? 'lmdb' : 'memory');
  if (kind === 'lmdb' && !dataDir) throw new TypeError(`store "lmdb" needs ${field}: where to keep it`);
  return kind;
}

export function minFree(v: number | undefined): number {
  const n = v ?? 256 * 1024 * 1024;
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`storeMinFreeBytes must be a non-negative integer, got ${String(v)}`);
  return n;
}

/**
 * The newest state of every key received on the state lane (the edge's
 * offline autonomy): readable while the link is down and after a restart.
 */
export interface ResourceCache {
  get(key: string): InboundMessage | undefined;
  /** Every cached message whose key starts with prefix, in key order. */
  list(prefix?: string): InboundMessage[];
  readonly size: number;
}

/** The write side of the cache, used by the link's receive path before the inbox commits. */
export interface ResourceRecorder extends ResourceCache {
  record(m: WireMessage): void;
}

export interface Store {
  readonly kind: StoreKind;
  /** Where it lives, for messages. */
  readonly location: string;
  outbox(peer: string, policies: readonly LanePolicy[]): Outbox;
  inbox(peer: string): Inbox;
  resources(): ResourceRecorder;
  /** The application's key-value space, committed with deliveries (see kv.ts). */
  kv(): KeyValue;
  /** Peers the store holds state for (restored at start). */
  peers(): string[];
  close(): Promise<void>;
}

/** A plain snapshot of a wire message, so the cache does not pin decode buffers. */
export function snapshot(m: WireMessage): WireMessage {
  return { ...m, payload: Buffer.from(m.payload) } as WireMessage;
}

/** The cache key of a message: its key on the state lane, none elsewhere. A delete removes the key, anything else replaces it. */
export function cacheKeyOf(m: WireMessage): string | null {
  return m.lane === 1 && m.key ? m.key : null;
}

export class MemoryResources implements ResourceRecorder {
  private readonly map = new Map<string, WireMessage>();
  record(m: WireMessage): void {
    const key = cacheKeyOf(m);
    if (key === null) return;
    if (m.op === 4) this.map.delete(key);
    else this.map.set(key, snapshot(m));
  }
  get(key: string): InboundMessage | undefined {
    const m = this.map.get(key);
    return m ? new InboundMessage(m) : undefined;
  }
  list(prefix = ''): InboundMessage[] {
    return [...this.map.keys()].filter((k) => k.startsWith(prefix)).sort().map((k) => new InboundMessage(this.map.get(k)!));
  }
  get size(): number {
    return this.map.size;
  }
}

export class MemoryStore implements Store {
  readonly kind = 'memory';
  readonly location = 'memory';
  private readonly cache = new MemoryResources();
  private readonly values = new MemoryKeyValue();
  kv(): KeyValue {
    return this.values;
  }
  outbox(_peer: string, policies: readonly LanePolicy[]): Outbox {
    return new MemoryOutbox(policies);
  }
  inbox(): Inbox {
    return new MemoryInbox();
  }
  resources(): ResourceRecorder {
    return this.cache;
  }
  peers(): string[] {
    return [];
  }
  async close(): Promise<void> {}
}

