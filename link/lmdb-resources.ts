/** The edge's resource cache in the LMDB store: written with the watermark, so it is exactly as durable. */
import type { WireMessage } from '../proto/index.js';
import { InboundMessage } from './message.js';
import { cacheKeyOf, snapshot, type ResourceRecorder } from './store.js';
import { HIGH } from './lmdb-layout.js';
import type { LmdbStore } from './lmdb-store.js';

export class LmdbResources implements ResourceRecorder {
  private readonly db: LmdbStore['resourcesDb'];

  constructor(private readonly store: LmdbStore) {
    this.db = store.resourcesDb;
  }

  record(m: WireMessage): void {
    const key = cacheKeyOf(m);
    if (key === null) return;
    const value = snapshot(m);
    this.store.pendingReceive.push(m.op === 4 ? () => { this.db.removeSync(key); } : () => { this.db.putSync(key, value); });
  }

  get(key: string): InboundMessage | undefined {
    const m = this.db.get(key) as WireMessage | undefined;
    return m ? new InboundMessage(m) : undefined;
  }

  list(prefix = ''): InboundMessage[] {
    const out: InboundMessage[] = [];
    for (const { value } of this.db.getRange({ start: prefix, end: prefix + HIGH })) out.push(new InboundMessage(value as WireMessage));
    return out;
  }

  get size(): number {
    return this.db.getKeysCount();
  }
}
