/** The edge's resource cache in the LMDB store: written with the watermark, so it is exactly as durable. */
import type { WireMessage } from '../proto/index.js';
import { InboundMessage } from './message.js';
import { cacheKeyOf, snapshot, type ResourceRecorder } from './store.js';
import { HIGH } from './lmdb-layout.js';
import type { LmdbStore } from './lmdb-store.js';
import { ReceiveOverlay } from './receive-overlay.js';

export class LmdbResources implements ResourceRecorder {
  private readonly db: LmdbStore['resourcesDb'];

  /** Entries on their way to the disk with the receive commit (reads see them first: receive-overlay.ts). */
  private readonly pending: ReceiveOverlay<string>;

  constructor(private readonly store: LmdbStore) {
    this.db = store.resourcesDb;
    this.pending = new ReceiveOverlay<string>(this.db, (k) => k);
  }

  record(m: WireMessage): void {
    const key = cacheKeyOf(m);
    if (key === null) return;
    const removed = m.op === 4;
    this.pending.defer(this.store, key, removed ? undefined : snapshot(m), removed);
  }

  get(key: string): InboundMessage | undefined {
    const e = this.pending.get(key);
    const m = (e ? (e.removed ? undefined : e.value) : this.db.get(key)) as WireMessage | undefined;
    return m ? new InboundMessage(m) : undefined;
  }

  list(prefix = ''): InboundMessage[] {
    let entries = [...this.db.getRange({ start: prefix, end: prefix + HIGH })].map(({ key, value }) => ({ key, value }));
    if (this.pending.size) entries = this.pending.merge(entries, (k) => k.startsWith(prefix), (key, value) => ({ key, value }));
    return entries.map((e) => new InboundMessage(e.value as WireMessage));
  }

  get size(): number {
    let n = this.db.getKeysCount();
    if (this.pending.size) {
      for (const [key, w] of this.pending.newest()) {
        const stored = this.db.doesExist(key);
        if (w.removed && stored) n--;
        else if (!w.removed && !stored) n++;
      }
    }
    return n;
  }

  /** A receive commit completed: its entries are read from the store again. */
  settled(commit: number): void {
    this.pending.settled(commit);
  }
}
