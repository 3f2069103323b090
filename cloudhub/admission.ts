/**
 * Admission control: a token bucket in front of the upgrade. After a restart
 * every edge comes back within seconds; admitting them all at once would make
 * the hub spend its first seconds on handshakes and resends while sockets pile
 * up. The bucket admits `burst` edges at once and then `ratePerSecond`; the
 * rest are told when to come back (HTTP 503 + x-isthmus-retry-after-ms).
 *
 * Retry-after is not one fixed figure: each refused edge gets the next free
 * slot of the rate ("you are number 3000 in line: come back in 3 s"), plus a
 * random jitter, so 10k refused edges come back spread over 10k / rate seconds
 * instead of all together again.
 */
import type { AdmissionConfig } from './admission-config.js';

export type AdmissionResult = { admitted: true } | { admitted: false; retryAfterMs: number };

export class Admission {
  private tokens: number;
  private last: number;
  /** When the last slot handed out to a refused edge falls, ms (performance.now clock). */
  private nextSlot = 0;
  admitted = 0;
  refused = 0;

  constructor(private readonly config: AdmissionConfig, private readonly now: () => number = () => performance.now(), private readonly random: () => number = Math.random) {
    this.tokens = config.burst;
    this.last = this.now();
  }

  /** Takes a token, or says how long to wait. */
  take(): AdmissionResult {
    const { ratePerSecond, burst, jitterMs, maxRetryAfterMs } = this.config;
    if (ratePerSecond === 0) return { admitted: true };
    const now = this.now();
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) * ratePerSecond) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.admitted++;
      return { admitted: true };
    }
    this.refused++;
    // The slot after those already promised, or when the next token comes if none are.
    this.nextSlot = Math.max(this.nextSlot + 1000 / ratePerSecond, now + ((1 - this.tokens) * 1000) / ratePerSecond);
    const wait = this.nextSlot - now + this.random() * jitterMs;
    return { admitted: false, retryAfterMs: Math.max(1, Math.min(maxRetryAfterMs, Math.ceil(wait))) };
  }
}
