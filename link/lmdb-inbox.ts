/** An inbox in the LMDB store: watermarks and object versions survive restarts. */
import { LANE_COUNT } from './lane.js';
import type { Inbox } from './inbox.js';
import type { LmdbStore } from './lmdb-store.js';

/** A watermark write queued for a receive commit (the store's number for it), and the seq it writes. */
interface PendingMark {
  readonly commit: number;
  seq: number;
}

export class LmdbInbox implements Inbox {
  epoch: string;
  private readonly marks: number[];
  /** Versions set since the last commit (reads must see them before they are written); made on first use: most links never set one. */
  private versions: Map<string, number> | null = null;
  /**
   * Per lane, the watermark write waiting in the store's pending receive
   * writes, if any: a batch advances a lane once per message, and one write
   * of the last seq per commit is what survives anyway (a write per message
   * was a quarter of the edge's main-thread time in a drain, all of it inside
   * lmdb-js's transaction callback, where it held up the event loop).
   */
  private pendingMarks: Array<PendingMark | null> | null = null;

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
    this.store.pendingReceive.push(() => this.store.meta.putSync(['inbox-epoch', this.peer], epoch));
    for (let lane = 0; lane < LANE_COUNT; lane++) this.advance(lane, 0);
  }

  watermark(lane: number): number {
    return this.marks[lane]!;
  }

  advance(lane: number, seq: number): void {
    this.marks[lane] = seq;
    // A write already queued for the coming commit takes the newer seq.
    const commit = this.store.nextCommit;
    const marks = (this.pendingMarks ??= new Array<PendingMark | null>(LANE_COUNT).fill(null));
    const pending = marks[lane];
    if (pending && pending.commit === commit) {
      pending.seq = seq;
      return;
    }
    const mark: PendingMark = { commit, seq };
    marks[lane] = mark;
    this.store.pendingReceive.push(() => this.store.meta.putSync(['mark', this.peer, lane], mark.seq));
  }

  objectVersion(key: string): number | undefined {
    return this.versions?.get(key) ?? this.store.versions.get([this.peer, key]);
  }

  setObjectVersion(key: string, version: number): void {
    (this.versions ??= new Map()).set(key, version);
    this.store.pendingReceive.push(() => this.store.versions.putSync([this.peer, key], version));
  }

  /** One synchronous transaction covers this inbox, every other peer's, and the resource cache. */
  commit(deliver: () => void): Promise<void> {
    const versions = this.versions;
    if (!versions?.size) return this.store.commitReceived(deliver);
    const written = [...versions];
    return this.store.commitReceived(deliver).then(() => {
      // Committed: reads go to the store again, unless a later batch set a newer version meanwhile.
      for (const [k, v] of written) if (versions.get(k) === v) versions.delete(k);
    });
  }

  /**
   * Resolves once the last completed commit is synced: the store's sync as of
   * now, which covers every earlier commit. (Waiting for the sync captured in
   * the commit's own turn instead made a connect burst of 5000 edges, each
   * acking one message, take 7.4 s instead of 2.0 s: `npm run bench -- scale
   * --edges 5000 --idle-seconds 5`.)
   */
  synced(): Promise<void> {
    return this.store.synced();
  }

  close(): void {}
}
