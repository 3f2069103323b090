/** What a Liveness drives: its connection's Ping, and what happens when the peer fell silent. */
export interface LivenessHost {
  sendPing(nonce: number, sentAt: number): void;
  silent(silentMs: number): void;
}

/**
 * Liveness of one connection: a Ping every interval, and a deadline. If
 * nothing at all was heard from the peer since the previous Ping when the
 * next tick comes, the peer is dead (frozen, or the link is half-open): a
 * frozen peer is noticed within two intervals. RTT comes from the Pongs.
 *
 * A passive end (the edge) skips its own Ping at a tick when the peer's Ping
 * arrived since the previous tick: that Ping already proves the peer alive,
 * and the Pong this end sends back proves it alive to the peer. On an idle
 * link only the cloud pings, which halves the idle traffic (measured in
 * `npm run bench -- scale`). The passive end then notices a silent peer
 * within three intervals instead of two: one to see no Ping, one for its own.
 */
export class Liveness {
  private timer: NodeJS.Timeout | null = null;
  private lastHeard = Date.now();
  private pingSentAt = 0;
  private lastTick = 0;
  private nonce = 0;
  /** When the peer's last Ping arrived (passive ends only). */
  private peerPingAt = 0;
  /** Smoothed round-trip time, ms (EWMA, 1/8 as in TCP); null before the first Pong. */
  rttMs: number | null = null;

  /** A host object and a timer argument rather than closures: a cloud hub holds one per idle edge. */
  constructor(
    private readonly intervalMs: number,
    private readonly host: LivenessHost,
    private readonly passive = false,
  ) {}

  private static onTimer(l: Liveness): void {
    l.tick();
  }

  start(): void {
    this.lastHeard = this.lastTick = Date.now();
    this.timer = setInterval(Liveness.onTimer, this.intervalMs, this);
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
  /** The peer pinged: a passive end need not ping this interval. */
  peerPinged(now: number): void {
    this.peerPingAt = now;
  }

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
    const previousTick = this.lastTick;
    this.lastTick = now;
    if (!stalled && this.pingSentAt && this.lastHeard < this.pingSentAt) {
      this.stop();
      this.host.silent(now - this.lastHeard);
      return;
    }
    if (this.passive && !stalled && this.peerPingAt >= previousTick) {
      this.pingSentAt = 0; // no Ping of ours out: the next tick checks nothing, or pings
      return;
    }
    this.ping(now);
  }

  private ping(now: number): void {
    this.pingSentAt = now;
    this.host.sendPing(++this.nonce, now);
  }
}
