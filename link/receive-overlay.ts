/**
 * Writes on their way to the disk with a receive commit. The application's
 * handlers run as soon as a batch arrives, not inside the LMDB transaction
 * their writes (and the batch's watermarks) commit in: lmdb-js opens that
 * transaction in its next write batch, 0.1–0.2 ms later on an idle store and
 * after the commit in progress on a busy one (`/tmp` probe: an async
 * `transaction()` callback ran 101–189 µs after the call), and a message's
 * delivery waited for it. Until the commit completes, reads look here first,
 * so a handler sees what it wrote, as it did inside the transaction.
 *
 * Exactly-once effects hold as before: the handlers' writes and the
 * watermarks commit in one transaction, or (after a crash) neither does and
 * the messages are delivered again.
 */
import { createRequire } from 'node:module';
import type * as Lmdb from 'lmdb';

// lmdb's CommonJS build, as lmdb-store.ts loads it; its key encoding gives the store's key order.
const { keyValueToBuffer } = createRequire(import.meta.url)('lmdb') as typeof Lmdb & { keyValueToBuffer(key: unknown): Buffer };

/** The store's side of it: where a deferred write goes, and which commit takes it. */
export interface ReceiveCommits {
  /** True while handlers run: their writes join the next receive commit. */
  readonly delivering: boolean;
  /** The number the next receive commit will have (commits complete in order). */
  readonly nextCommit: number;
  /** What the next receive commit writes. */
  pendingReceive: Array<() => void>;
  /** Has the pending receive writes committed soon (at the end of this turn) when no delivery is under way to take them. */
  commitSoon(): void;
}

/** One deferred write, as its commit will make it; `removed` for a removal. */
export interface PendingWrite {
  value: unknown;
  removed: boolean;
  /** The receive commit that makes it (commits complete in order). */
  commit: number;
}

/** One key's deferred writes not yet committed, oldest first: the last one is what reads see. */
interface Pending<K> {
  key: K;
  writes: PendingWrite[];
}

/** The store's database the overlay writes to. */
export interface Writable<K> {
  putSync(key: K, value: unknown): unknown;
  removeSync(key: K): unknown;
}

export class ReceiveOverlay<K extends string | Array<string | number>> {
  private readonly entries = new Map<string, Pending<K>>();

  constructor(private readonly db: Writable<K>, private readonly id: (key: K) => string) {}

  /** Writes to the store at once (inside a transaction callback, into that transaction). */
  write(key: K, value: unknown, removed: boolean): void {
    if (removed) this.db.removeSync(key);
    else this.db.putSync(key, value);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every key with uncommitted writes, and its newest one. */
  *newest(): IterableIterator<[K, PendingWrite]> {
    for (const e of this.entries.values()) yield [e.key, e.writes[e.writes.length - 1]!];
  }

  /** The key's newest uncommitted write, if any. */
  get(key: K): PendingWrite | undefined {
    if (this.entries.size === 0) return undefined;
    const writes = this.entries.get(this.id(key))?.writes;
    return writes?.[writes.length - 1];
  }

  /**
   * Defers a write to the next receive commit: it is made inside that
   * transaction with the value as of now (a crash after that commit and
   * before the next must leave this delivery's effect, not a later one's).
   */
  defer(commits: ReceiveCommits, key: K, value: unknown, removed: boolean): void {
    const id = this.id(key);
    let e = this.entries.get(id);
    if (!e) this.entries.set(id, e = { key, writes: [] });
    const w: PendingWrite = { value, removed, commit: commits.nextCommit };
    e.writes.push(w);
    commits.pendingReceive.push(() => this.write(key, w.value, w.removed));
  }

  /** Commit `commit` has completed (or failed): reads of what it wrote go to the store again. */
  settled(commit: number): void {
    for (const [id, e] of this.entries) {
      let done = 0;
      while (done < e.writes.length && e.writes[done]!.commit <= commit) done++;
      if (done === e.writes.length) this.entries.delete(id);
      else if (done > 0) e.writes = e.writes.slice(done);
    }
  }

  /**
   * Merges the uncommitted entries that `matches` into `stored` (a range read
   * from the store), in the store's key order.
   */
  merge<E extends { key: K }>(stored: E[], matches: (key: K) => boolean, entry: (key: K, value: unknown) => E): E[] {
    const mine = [...this.newest()].filter(([key]) => matches(key));
    if (mine.length === 0) return stored;
    const byId = new Map(stored.map((e) => [this.id(e.key), e]));
    for (const [key, w] of mine) {
      if (w.removed) byId.delete(this.id(key));
      else byId.set(this.id(key), entry(key, w.value));
    }
    return [...byId.values()]
      .map((e) => ({ e, b: keyValueToBuffer(e.key) }))
      .sort((x, y) => Buffer.compare(x.b, y.b))
      .map((x) => x.e);
  }
}
