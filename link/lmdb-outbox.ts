/** An outbox in the LMDB store: bytes on disk, only the queue's metadata in memory. */
import { randomBytes } from 'node:crypto';
import { pb } from '../proto/index.js';
import { LANE_COUNT } from './lane.js';
import type { LanePolicy } from './outbox.js';
import { QueuedOutbox, type LaneQueue, type Slot } from './queued-outbox.js';

/** Acked records removed per background slice, and the pause between slices. */
const PURGE_SLICE = 1000;
const PURGE_INTERVAL_MS = 50;
import type { LmdbStore } from './lmdb-store.js';
import { StoreCorruptError } from './store-check.js';

export class LmdbOutbox extends QueuedOutbox {
  readonly epoch: string;
  private lastWrite: Promise<unknown> | null = null;
  private durableFor: Promise<unknown> | null = null;
  private online = false;
  /** Acked ranges [lane, from, to] whose records are still on disk. */
  private readonly purge: Array<[number, number, number]> = [];
  private purging: NodeJS.Timeout | null = null;
  private closed = false;
  private durableWait: Promise<void> | null = null;

  constructor(private readonly store: LmdbStore, private readonly peer: string, policies: readonly LanePolicy[]) {
    super(policies);
    const saved = store.meta.get(['outbox-epoch', peer]);
    if (typeof saved === 'string') {
      this.epoch = saved;
    } else {
      this.epoch = randomBytes(8).toString('hex');
      // Not putSync (one fsync per new node: 100 new nodes a second at most). The put commits in
      // order with, and no later than, the first message of this epoch, and nothing is sent before
      // that message is durable; a crash before it commits only means a new epoch with nothing sent.
      void store.meta.put(['outbox-epoch', peer], this.epoch);
    }
    this.load();
  }

  /** Rebuilds each lane's queue from disk: a restart resumes where the crash left off. */
  private load(): void {
    for (let lane = 0; lane < LANE_COUNT; lane++) {
      const floorSaved = this.store.meta.get(['floor', this.peer, lane]);
      const floor = typeof floorSaved === 'number' ? floorSaved : 0;
      let staleFrom = 0;
      for (const { key, value } of this.store.msgs.getRange({ start: [this.peer, lane, 0], end: [this.peer, lane, Number.MAX_SAFE_INTEGER] })) {
        if (Number(key[2]) <= floor) {
          staleFrom ||= Number(key[2]); // acked before the restart; its removal had not run yet
          continue;
        }
        let m;
        try {
          m = pb.Message.decode(value);
        } catch (err) {
          throw new StoreCorruptError(`${this.store.location}/data.mdb`, `message ${JSON.stringify(key)} does not decode: ${(err as Error).message}`);
        }
        this.restore(lane, { seq: Number(key[2]), key: m.key, createdAt: m.createdAt, expiresAt: m.expiresAt, size: value.length, live: true });
      }
      const last = this.store.meta.get(['last', this.peer, lane]);
      const q = this.lanes[lane]!;
      const known = Math.max(typeof last === 'number' ? last : 0, floor);
      if (known > q.lastSeq) q.lastSeq = q.durableSeq = known;
      if (staleFrom) this.eraseAcked(lane, staleFrom, floor);
    }
  }

  peerOnline(online: boolean): void {
    this.online = online;
  }

  protected override admit(): void {
    this.store.guard.check();
  }

  protected write(lane: number, slot: Slot, bytes: Uint8Array): void {
    this.lastWrite = this.store.msgs.put([this.peer, lane, slot.seq], bytes as Buffer);
    // Fresh messages keep their bytes (within a budget) so sending them soon does not read
    // them back; not while the peer is away, when they would only fill memory.
    if (this.online && this.store.cachedBytes + bytes.length <= this.store.cacheBudget) {
      slot.bytes = bytes;
      this.store.cachedBytes += bytes.length;
    }
  }

  protected erase(lane: number, seq: number): void {
    // The lane's last seq must survive its last message: a restart reads it from meta
    // when no message is left (the highest key gives it otherwise). Written before the
    // removal, so it commits no later than the removal does.
    if (seq === this.lanes[lane]!.lastSeq) void this.store.meta.put(['last', this.peer, lane], seq);
    void this.store.msgs.remove([this.peer, lane, seq]);
  }

  /**
   * An ack costs one write, the lane's acked floor; the records below it are
   * removed in the background, a slice per turn, so that a drain's acks do not
   * swell the commits a live control message waits for. A restart skips (and
   * removes) records at or below the floor.
   */
  protected override eraseAcked(lane: number, from: number, to: number): void {
    void this.store.meta.put(['floor', this.peer, lane], to);
    const last = this.purge[this.purge.length - 1];
    if (last && last[0] === lane && last[2] + 1 >= from) last[2] = Math.max(last[2], to);
    else this.purge.push([lane, from, to]);
    if (!this.purging) {
      this.purging = setTimeout(() => this.purgeSlice(), PURGE_INTERVAL_MS);
      this.purging.unref();
    }
  }

  private purgeSlice(): void {
    this.purging = null;
    let budget = PURGE_SLICE;
    while (budget > 0 && this.purge.length) {
      const range = this.purge[0]!;
      const [lane, from, to] = range;
      const end = Math.min(to, from + budget - 1);
      for (let seq = from; seq <= end; seq++) void this.store.msgs.remove([this.peer, lane, seq]);
      budget -= end - from + 1;
      if (end === to) this.purge.shift();
      else range[1] = end + 1;
    }
    if (this.purge.length && !this.closed) {
      this.purging = setTimeout(() => this.purgeSlice(), PURGE_INTERVAL_MS);
      this.purging.unref();
    }
  }

  protected read(lane: number, slot: Slot): Uint8Array {
    const bytes = this.store.msgs.getBinary([this.peer, lane, slot.seq]);
    if (!bytes) throw new StoreCorruptError(`${this.store.location}/data.mdb`, `queued message ${this.peer}/${lane}/${slot.seq} is missing`);
    this.store.cachedBytes += bytes.length;
    return bytes;
  }

  protected override kill(lane: number, q: LaneQueue, slot: Slot): void {
    if (slot.bytes) this.store.cachedBytes -= slot.bytes.length;
    super.kill(lane, q, slot);
  }

  /** One wait per commit: lmdb-js hands every write of a batch the same promise. */
  protected durable(): Promise<void> {
    const write = this.lastWrite!;
    if (write !== this.durableFor) {
      this.durableFor = write;
      this.durableWait = this.store.durable(write);
    }
    return this.durableWait!;
  }

  close(): void {
    this.closed = true;
    if (this.purging) clearTimeout(this.purging);
    this.purging = null;
  }
}
