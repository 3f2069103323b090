/** An inbox in the LMDB store: watermarks and object versions survive restarts. */
import { LANE_COUNT } from './lane.js';
import type { Inbox } from './inbox.js';
import type { LmdbStore } from './lmdb-store.js';

export class LmdbInbox implements Inbox {
  epoch: string;
  private readonly marks: number[];

  constructor(private readonly store: LmdbStore, private readonly peer: string) {
    const e = store.meta.get(['inbox-epoch', peer]);
    this.epoch = typeof e === 'string' ? e : '';
    this.marks = Array.from({ length: LANE_COUNT }, (_, lane) => {
      const m = store.meta.get(['mark', peer, lane]);
      return typeof m === 'number' ? m : 0;
    });
  }

  useEpoch(epoch: string): void {
    if (epoch === this.epoch) return;
    this.epoch = epoch;
    void this.store.meta.put(['inbox-epoch', this.peer], epoch);
    for (let lane = 0; lane < LANE_COUNT; lane++) this.advance(lane, 0);
  }

  watermark(lane: number): number {
    return this.marks[lane]!;
  }

  advance(lane: number, seq: number): void {
    this.marks[lane] = seq;
    this.store.lastReceiveWrite = this.store.meta.put(['mark', this.peer, lane], seq);
  }

  objectVersion(key: string): number | undefined {
    return this.store.versions.get([this.peer, key]);
  }

  setObjectVersion(key: string, version: number): void {
    this.store.lastReceiveWrite = this.store.versions.put([this.peer, key], version);
  }

  flush(): Promise<void> | void {
    // One wait covers this inbox, every other peer's, and the resource cache.
    const write = this.store.lastReceiveWrite;
    if (!write) return;
    this.store.lastReceiveWrite = null;
    return this.store.durable(write);
  }

  close(): void {}
}
