/**
 * The durable store: one LMDB environment per hub holding every outbox,
 * inbox and the resource cache. Writes are batched by lmdb-js into one
 * transaction per event-loop turn and synced once per commit (group commit);
 * an append resolves only after its commit is flushed to disk.
 */
import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Database, RootDatabase } from 'lmdb';
import type * as Lmdb from 'lmdb';
import type { Inbox } from './inbox.js';
import type { LanePolicy, Outbox } from './outbox.js';
import type { ResourceRecorder, Store } from './store.js';
import { DiskGuard } from './disk-guard.js';
import { checkStore, StoreCorruptError } from './store-check.js';
import { claimStore } from './store-owner.js';
import { HIGH, STORE_FORMAT } from './lmdb-layout.js';
import { LmdbOutbox } from './lmdb-outbox.js';
import { LmdbInbox } from './lmdb-inbox.js';
import { LmdbResources } from './lmdb-resources.js';
import { LmdbKeyValue, type KeyValue, type KvKey } from './kv.js';
import { RecordArena } from './lmdb-arena.js';
import type { ReceiveCommits } from './receive-overlay.js';
import { deferred, type Deferred } from './deferred.js';

// lmdb's CommonJS build: one file (and one each for msgpackr, ordered-binary,
// weak-lru-cache) where its ES module build is some 30, each resolved by the
// ESM loader at start-up; that resolution work was hot enough for TurboFan,
// whose memory then stayed in an idle edge hub (scripts/bundle-cli.mjs).
const { open } = createRequire(import.meta.url)('lmdb') as typeof Lmdb;

export type Key = Array<string | number>;

export interface LmdbStoreOptions {
  /** Refuse new messages when the disk has less free space than this. Default 256 MiB. */
  minFreeBytes?: number;
  /** Queued message bytes kept in memory across all outboxes. Default 128 MiB. */
  cacheBytes?: number;
  /**
   * Ms a receive commit waits when batches arrive sparsely (none in the last
   * this many ms), so that it runs after the delivery is on its way; 0 commits
   * at once. Default 2. See commitReceived.
   */
  receiveCommitDelayMs?: number;
}

export const DefaultLmdbStore = Object.freeze({ minFreeBytes: 256 << 20, cacheBytes: 128 << 20, receiveCommitDelayMs: 2 });

export class LmdbStore implements Store, ReceiveCommits {
  readonly kind = 'lmdb';
  readonly env: RootDatabase;
  readonly msgs: Database<Buffer, Key>;
  readonly meta: Database<unknown, Key>;
  readonly versions: Database<number, Key>;
  readonly resourcesDb: Database<unknown, string>;
  readonly kvDb: Database<unknown, KvKey>;
  readonly guard: DiskGuard;
  private cache: LmdbResources | null = null;
  private kvStore: LmdbKeyValue | null = null;
  private readonly outboxes: LmdbOutbox[] = [];
  /**
   * Bytes of queued messages the outboxes hold in memory (fresh ones, and
   * those sent and not yet acked), against one budget for the whole store:
   * what is over it is read back from disk when due. A larger budget measured
   * faster (in-process, 1 KB: 96k msg/s with none, 108k with 32 MiB, 125k with 128 MiB).
   */
  cachedBytes = 0;
  readonly cacheBudget: number;

  /** Where the outboxes build their records (reused once committed). */
  readonly arena = new RecordArena();

  /** Outboxes with runs appended this turn, written once the turn ends (see writeAtTurnEnd). */
  private turnWriters: LmdbOutbox[] = [];

  /** Receive-side writes (watermarks, versions, cache entries, the handlers' kv writes) waiting for the next commit. */
  pendingReceive: Array<() => void> = [];
  /** True while the handlers of a received batch run (their kv writes join its commit). */
  delivering = false;
  /** Receive commits started so far; the next one is numbered one more (ReceiveCommits). */
  private receiveCommits = 0;
  private commitArmed = false;
  /** A receive commit put off (commitReceived) and the promise of the writes waiting for it. */
  private delayed: Deferred | null = null;
  private delayTimer: NodeJS.Timeout | null = null;
  /** When commitReceived was last called (performance.now()), to tell sparse batches from a stream. */
  private lastReceiveAt = -Infinity;
  private readonly receiveCommitDelayMs: number;

  private constructor(readonly location: string, env: RootDatabase, minFreeBytes: number, cacheBytes: number, receiveCommitDelayMs: number, private readonly release: () => void) {
    this.env = env;
    this.msgs = env.openDB<Buffer, Key>({ name: 'msgs', encoding: 'binary' });
    this.meta = env.openDB<unknown, Key>({ name: 'meta' });
    this.versions = env.openDB<number, Key>({ name: 'versions' });
    this.resourcesDb = env.openDB<unknown, string>({ name: 'resources' });
    this.kvDb = env.openDB<unknown, KvKey>({ name: 'kv' });
    this.guard = new DiskGuard(location, minFreeBytes);
    this.cacheBudget = cacheBytes;
    this.receiveCommitDelayMs = receiveCommitDelayMs;
  }

  /** Opens (or creates) the store in dir; a damaged store throws StoreCorruptError, never resets. */
  static open(dir: string, options: LmdbStoreOptions = {}): LmdbStore {
    const delay = options.receiveCommitDelayMs ?? DefaultLmdbStore.receiveCommitDelayMs;
    if (!Number.isFinite(delay) || delay < 0 || delay > 1000) throw new TypeError(`receiveCommitDelayMs must be a number of ms from 0 to 1000, got ${String(delay)}`);
    const location = resolve(dir);
    mkdirSync(location, { recursive: true, mode: 0o700 });
    const { release, unclean } = claimStore(location);
    try {
      checkStore(location, unclean);
    } catch (err) {
      release();
      throw err;
    }
    let env: RootDatabase;
    try {
      // 8 KiB pages: in-order inserts of ~1 KiB messages fill a 4 KiB page only half
      // (LMDB splits in the middle); 8 KiB pages hold three times as many (measured).
      env = open({ path: location, maxDbs: 16, pageSize: 8192 });
    } catch (err) {
      throw new StoreCorruptError(`${location}/data.mdb`, (err as Error).message);
    }
    const store = new LmdbStore(location, env, options.minFreeBytes ?? DefaultLmdbStore.minFreeBytes, options.cacheBytes ?? DefaultLmdbStore.cacheBytes, delay, release);
    const format = store.meta.get(['format']);
    if (format === undefined) {
      if (store.msgs.getKeysCount() > 0) throw new StoreCorruptError(`${location}/data.mdb`, 'messages without a format marker');
      store.meta.putSync(['format'], STORE_FORMAT);
    } else if (format === 1) {
      store.upgradeFrom1();
    } else if (format !== STORE_FORMAT) {
      throw new StoreCorruptError(`${location}/data.mdb`, `format ${String(format)}, this build reads format ${STORE_FORMAT}`);
    }
    return store;
  }

  /**
   * Format 1 kept one message per record, bare; format 2 keeps runs, each
   * message behind its length. A format-1 record becomes a run of one, in one
   * transaction with the new format marker: a crash leaves either format whole.
   */
  private upgradeFrom1(): void {
    this.env.transactionSync(() => {
      for (const { key, value } of this.msgs.getRange({})) {
        const run = Buffer.allocUnsafe(4 + value.length);
        run.writeUInt32LE(value.length, 0);
        run.set(value, 4);
        this.msgs.putSync(key, run);
      }
      this.meta.putSync(['format'], STORE_FORMAT);
    });
  }

  outbox(peer: string, policies: readonly LanePolicy[]): Outbox {
    const outbox = new LmdbOutbox(this, peer, policies);
    this.outboxes.push(outbox);
    return outbox;
  }

  inbox(peer: string): Inbox {
    return new LmdbInbox(this, peer);
  }

  kv(): KeyValue {
    return (this.kvStore ??= new LmdbKeyValue(this.kvDb, this));
  }

  resources(): ResourceRecorder {
    return (this.cache ??= new LmdbResources(this));
  }

  peers(): string[] {
    const out: string[] = [];
    for (const key of this.meta.getKeys({ start: ['outbox-epoch'], end: ['outbox-epoch', HIGH] })) out.push(String(key[1]));
    return out;
  }

  /**
   * Has the outbox write the runs it appended this turn once the turn ends: each lane's
   * appends of a turn become one record (lmdb-group.ts). setImmediate runs after the
   * turn's I/O callbacks, so a burst of sends read from one socket shares a record.
   */
  writeAtTurnEnd(outbox: LmdbOutbox): void {
    if (this.turnWriters.push(outbox) > 1) return;
    setImmediate(() => {
      const writers = this.turnWriters;
      this.turnWriters = [];
      for (const w of writers) w.writeRuns();
    });
  }

  /**
   * Resolves once `write` (a pending lmdb-js write, issued this turn) is
   * committed and synced. The sync is captured now: `env.flushed` stands for
   * the batch being built when it is read, so read later it would wait for a
   * later batch as well (measured: a commit's wait grew by a whole commit
   * under load). Commits are synced in order, so this batch's sync covers
   * every earlier one.
   */
  durable(write: Promise<unknown>): Promise<void> {
    const flushed = this.synced();
    return write.then(() => flushed);
  }

  /**
   * Runs `deliver` (the application's handlers), then commits the pending
   * receive-side writes and whatever the handlers wrote to the kv database,
   * in one transaction. Once committed they survive a crash of this process
   * (lmdb-js restores the last committed transaction unless the machine
   * rebooted); `synced()` says when they survive power loss as well.
   *
   * A batch that comes alone (none in the last receiveCommitDelayMs) is
   * committed that much later, with whatever arrives meanwhile: the commit
   * (lmdb-js calls this thread back to run the transaction, its writer
   * thread writes the pages, the sync, two more call-backs when they are
   * done) otherwise ran on this machine's two vCPUs while what the handlers
   * sent was on its way, e.g. an MQTT delivery to the local subscriber's
   * process: durable MQTT p50 0.76-0.85 ms without the delay, 0.69-0.74
   * with 2 ms, 0.71-0.74 in memory, in the same runs (bench/README.md, MQTT).
   * Nothing waits for it but the Ack, which goes only after the commit and
   * its sync as before; a stream of batches commits at once, as before.
   */
  commitReceived(deliver: () => void): Promise<void> {
    // The handlers run now, not inside the transaction: lmdb-js opens that in its next
    // write batch (0.1-0.2 ms later when idle, after the commit in progress when busy),
    // and a message's delivery waited for it. What they write joins this commit through
    // an overlay that reads consult first (receive-overlay.ts).
    this.delivering = true;
    try {
      deliver();
    } finally {
      this.delivering = false;
    }
    const now = performance.now();
    const sparse = now - this.lastReceiveAt >= this.receiveCommitDelayMs;
    this.lastReceiveAt = now;
    if (this.delayed) return this.delayed.promise; // joins the commit put off (at most the delay away)
    if (!sparse || this.receiveCommitDelayMs === 0) return this.commitPending();
    const d = this.delayed = deferred();
    this.delayTimer = setTimeout(() => {
      this.delayTimer = null;
      if (this.delayed === d) this.commitPending().catch(() => {}); // d is told (commitPending)
    }, this.receiveCommitDelayMs);
    return d.promise;
  }

  get nextCommit(): number {
    return this.receiveCommits + 1;
  }

  /** Commits the pending receive writes at the end of this turn (a kv write outside the handlers that must follow theirs). */
  commitSoon(): void {
    if (this.commitArmed) return;
    this.commitArmed = true;
    setImmediate(() => {
      this.commitArmed = false;
      if (this.pendingReceive.length) void this.commitPending().catch(() => {}); // a failed commit fails the links' next one too
    });
  }

  /**
   * An asynchronous transaction: lmdb-js runs the callback on this thread inside the
   * next batch's write transaction, then commits it on its writer thread, so the event
   * loop never blocks on the disk.
   */
  private commitPending(): Promise<void> {
    const writes = this.pendingReceive;
    this.pendingReceive = [];
    // Takes every pending write, so the commit put off (if any) is this one.
    const delayed = this.delayed;
    this.delayed = null;
    if (this.delayTimer) clearTimeout(this.delayTimer);
    this.delayTimer = null;
    const commit = ++this.receiveCommits;
    const settled = (): void => {
      this.kvStore?.settled(commit);
      this.cache?.settled(commit);
    };
    const done = this.env.transaction(() => {
      for (const w of writes) w();
    }).then(settled, (err: unknown) => {
      settled();
      throw err;
    });
    if (delayed) done.then(delayed.resolve, delayed.reject);
    return done;
  }

  synced(): Promise<void> {
    return new Promise((resolve, reject) => { this.env.flushed.then(() => resolve(), reject); });
  }

  async close(): Promise<void> {
    for (const o of this.outboxes) o.close(); // writes this turn's runs, stops background removal before the environment closes
    if (this.pendingReceive.length || this.delayed) await this.commitPending().catch(() => {}); // a kv write that was following a handler's, a commit put off
    await this.durable(this.meta.put(['closed-at'], Date.now()));
    await this.env.close();
    this.release();
  }
}
