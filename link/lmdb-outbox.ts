/** An outbox in the LMDB store: bytes on disk, only the queue's metadata in memory. */
import { randomBytes } from 'node:crypto';
import { pb } from '../proto/index.js';
import { LANE_COUNT } from './lane.js';
import type { LanePolicy } from './outbox.js';
import { QueuedOutbox, type Slot } from './queued-outbox.js';
import type { LmdbStore } from './lmdb-store.js';
import { StoreCorruptError } from './store-check.js';

export class LmdbOutbox extends QueuedOutbox {
  readonly epoch: string;
  private lastWrite: Promise<unknown> | null = null;

  constructor(private readonly store: LmdbStore, private readonly peer: string, policies: readonly LanePolicy[]) {
    super(policies);
    const saved = store.meta.get(['outbox-epoch', peer]);
    if (typeof saved === 'string') {
      this.epoch = saved;
    } else {
      this.epoch = randomBytes(8).toString('hex');
      store.meta.putSync(['outbox-epoch', peer], this.epoch);
    }
    this.load();
  }

  /** Rebuilds each lane's queue from disk: a restart resumes where the crash left off. */
  private load(): void {
    for (let lane = 0; lane < LANE_COUNT; lane++) {
      for (const { key, value } of this.store.msgs.getRange({ start: [this.peer, lane, 0], end: [this.peer, lane, Number.MAX_SAFE_INTEGER] })) {
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
      if (typeof last === 'number' && last > q.lastSeq) q.lastSeq = q.durableSeq = last;
    }
  }

  protected override admit(): void {
    this.store.guard.check();
  }

  protected write(lane: number, slot: Slot, bytes: Uint8Array): void {
    this.store.msgs.put([this.peer, lane, slot.seq], bytes as Buffer);
    this.lastWrite = this.store.meta.put(['last', this.peer, lane], slot.seq);
  }

  protected erase(lane: number, seq: number): void {
    void this.store.msgs.remove([this.peer, lane, seq]);
  }

  protected read(lane: number, slot: Slot): Uint8Array {
    const bytes = this.store.msgs.getBinary([this.peer, lane, slot.seq]);
    if (!bytes) throw new StoreCorruptError(`${this.store.location}/data.mdb`, `queued message ${this.peer}/${lane}/${slot.seq} is missing`);
    return bytes;
  }

  protected durable(): Promise<void> {
    return this.store.durable(this.lastWrite!);
  }

  close(): void {}
}
