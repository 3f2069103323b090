/** What a publisher gets back once a message is accepted. */
import type { LaneName } from './lane.js';
import type { DropReason } from './outbox.js';

export type DeliveryStatus = 'delivered' | 'superseded' | 'dropped';

export interface Delivery {
  status: DeliveryStatus;
  /** Why it was not delivered (superseded, overflow, ttl). */
  reason?: DropReason;
}

export interface Receipt {
  readonly id: string;
  readonly lane: LaneName;
  /** Position in the lane; 0 when the lane's drop-newest policy refused the message. */
  readonly seq: number;
  /**
   * Resolves once the peer acknowledged the message; or with `superseded` as
   * soon as a newer message of the same key replaced it in the queue; or with
   * `dropped` and the reason (overflow, ttl). Never rejects. A receipt first
   * read long after its message was dropped (beyond the last 10,000 drops of
   * the link) may report `delivered` if a later message was acknowledged.
   */
  readonly delivered: Promise<Delivery>;
}

/** Creates the delivered promise only when asked for: most publishers never ask. */
export class LazyReceipt implements Receipt {
  private promise: Promise<Delivery> | null = null;
  constructor(
    readonly id: string,
    readonly lane: LaneName,
    readonly seq: number,
    private readonly track: (lane: LaneName, seq: number) => Promise<Delivery>,
  ) {}

  get delivered(): Promise<Delivery> {
    return (this.promise ??= this.track(this.lane, this.seq));
  }

  toJSON(): Record<string, unknown> {
    return { id: this.id, lane: this.lane, seq: this.seq };
  }
}
