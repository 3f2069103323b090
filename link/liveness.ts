/**
 * Liveness of one connection: a Ping every interval, and a deadline. If
 * nothing at all was heard from the peer since the previous Ping when the
 * next tick comes, the peer is dead (frozen, or the link is half-open): a
 * frozen peer is noticed within two intervals. RTT comes from the Pongs.
 */
export class Liveness {
  private timer: NodeJS.Timeout | null = null;
  private lastHeard = Date.now();
  private pingSentAt = 0;
  private lastTick = 0;
  private nonce = 0;
  /** Smoothed round-trip time, ms (EWMA, 1/8 as in TCP); null before the first Pong. */
  rttMs: number | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly sendPing: (nonce: number, sentAt: number) => void,
    private readonly onDead: (silentMs: number) => void,
  ) {}

  start(): void {
    this.lastHeard = this.lastTick = Date.now();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.ping(this.lastTick);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Any frame from the peer proves it alive. */
  heard(now: number): void {
    this.lastHeard = now;
  }

  /** Takes a Pong's sample into the smoothed RTT and returns the sample, ms. */
  pong(sentAt: number, now: number): number {
    const sample = Math.max(0, now - sentAt);
    this.rttMs = this.rttMs === null ? sample : this.rttMs + (sample - this.rttMs) / 8;
    return sample;
  }

  private tick(): void {
    const now = Date.now();
    // A tick far later than planned means this process was stalled, not the
    // peer: frames may be waiting unread. Start a fresh deadline instead.
    const stalled = now - this.lastTick > this.intervalMs * 1.5;
    this.lastTick = now;
    if (!stalled && this.pingSentAt && this.lastHeard < this.pingSentAt) {
      this.stop();
      this.onDead(now - this.lastHeard);
      return;
    }
    this.ping(now);
  }

  private ping(now: number): void {
    this.pingSentAt = now;
    this.sendPing(++this.nonce, now);
  }
}
