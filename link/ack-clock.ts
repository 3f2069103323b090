/**
 * How long an acknowledgement takes, send to ack, as TCP estimates its
 * retransmission timeout (RFC 6298: srtt + 4 * rttvar), measured on the
 * windowed lanes. The ack time includes the receiver's ack delay and its
 * store's sync, so it is the right clock for "this path lost something":
 * a lane whose acks stall past it moves to another path (fast retransmit).
 */
export class AckClock {
  private srtt = 0;
  private rttvar = 0;
  private samples = 0;

  constructor(private readonly minMs: number) {}

  sample(ms: number): void {
    if (this.samples++ === 0) {
      this.srtt = ms;
      this.rttvar = ms / 2;
      return;
    }
    this.rttvar += (Math.abs(this.srtt - ms) - this.rttvar) / 4;
    this.srtt += (ms - this.srtt) / 8;
  }

  /** The retransmission timeout, ms: never below the configured floor. */
  get timeoutMs(): number {
    return this.samples === 0 ? Math.max(this.minMs, 200) : Math.max(this.minMs, this.srtt + 4 * this.rttvar);
  }
}
