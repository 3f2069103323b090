/**
 * Receive-side credit of one stream, with auto-tuning: the window starts at
 * INITIAL_WINDOW and doubles, up to the configured maximum, whenever the
 * sender used up half of it within two round trips. That is the sign the
 * window, not the reader, limits throughput: the window then tracks the
 * bandwidth-delay product (the scheme of Chromium's QUIC and yamux's
 * "receive window auto-tuning"). A slow reader never makes it grow.
 */
import { INITIAL_WINDOW } from './config.js';

/**
 * The round trip a window update really takes is the link's RTT plus an
 * event-loop turn on each side and the time the reader takes to drain, which
 * on a busy hub is milliseconds even on loopback (Ping/Pong there says 50 µs).
 * With a 1 ms floor the window stalled near 1 MiB and a loopback stream at
 * ~1.5 Gbit/s; with 10 ms it grows to what the pipe needs (bench/tunnel).
 */
const MIN_RTT_MS = 10;

export class ReceiveWindow {
  /** Current window size: most bytes the sender may have in flight. */
  size = INITIAL_WINDOW;
  /** Bytes the sender may still send before our next update. */
  available = INITIAL_WINDOW;
  /** Bytes consumed by the reader and not yet granted back. */
  private pending = 0;
  private lastGrantAt: number;

  constructor(private readonly max: number, now = performance.now()) {
    this.lastGrantAt = now;
  }

  /** Counts received bytes; false when the sender overran the window (a protocol violation). */
  receive(n: number): boolean {
    if (n > this.available) return false;
    this.available -= n;
    return true;
  }

  /**
   * The reader consumed n bytes. Returns the increment to send in a
   * StreamWindow now, or 0 to wait for more (updates go out per half window).
   * The path's RTT is asked for only when an update goes out.
   */
  consumed(n: number, path: { rttMs(): number | null }, now?: number): number {
    this.pending += n;
    if (this.pending < this.size / 2) return 0; // the common case: no clock, no RTT asked
    now ??= performance.now();
    let increment = this.pending;
    this.pending = 0;
    const rtt = Math.max(MIN_RTT_MS, path.rttMs() ?? MIN_RTT_MS);
    if (now - this.lastGrantAt < 2 * rtt && this.size < this.max) {
      const growth = Math.min(this.size, this.max - this.size);
      this.size += growth;
      increment += growth;
    }
    this.lastGrantAt = now;
    this.available += increment;
    return increment;
  }
}
