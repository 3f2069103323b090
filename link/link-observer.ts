/**
 * What a link reports as it happens, for metrics: RTT samples and sampled
 * ack latencies. Counters (messages, frames, bytes, drops, window stalls) stay
 * in LinkStats and are read at scrape time, so the hot path pays nothing for them.
 */
export interface LinkObserver {
  /** One Pong's round-trip time, ms (the raw sample, not the smoothed value). */
  rtt(ms: number): void;
  /** Time from a message's send()/publish() call to the peer's ack covering it, ms (millisecond clock). */
  ackLatency(lane: number, ms: number): void;
}

/**
 * Ack latency, sampled: at most one message per lane is timed at a time (the
 * first one accepted while none is), so the cost on the send path is one
 * comparison per message and no memory per message. A lane under load gives
 * about one sample per round trip; an idle lane times every message.
 */
export class AckSampler {
  private readonly seq: number[];
  private readonly at: number[];

  constructor(lanes: number, private readonly observer: LinkObserver) {
    this.seq = new Array<number>(lanes).fill(0);
    this.at = new Array<number>(lanes).fill(0);
  }

  /**
   * `at`: when the message was handed to send()/publish() (its created_at, ms).
   * The send path reads no clock of its own: performance.now() goes through
   * Node's argument checks, which showed in low-rate latency; the histogram's
   * first bucket is 1 ms, so millisecond time loses nothing there.
   */
  accepted(lane: number, seq: number, at: number): void {
    if (this.seq[lane] === 0 && seq > 0) {
      this.seq[lane] = seq;
      this.at[lane] = at;
    }
  }

  acked(lane: number, upTo: number): void {
    const s = this.seq[lane]!;
    if (s === 0 || s > upTo) return;
    this.observer.ackLatency(lane, Math.max(0, Date.now() - this.at[lane]!));
    this.seq[lane] = 0;
  }

  /** The timed message was dropped or superseded: it will never be acked as such. */
  dropped(lane: number, seq: number): void {
    if (this.seq[lane] === seq) this.seq[lane] = 0;
  }
}
