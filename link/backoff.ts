/**
 * Reconnect delays: exponential backoff with full jitter (a uniform draw in
 * [0, min(cap, base * 2^attempt))), so that thousands of edges cut at once do
 * not come back at once. The attempt count resets only after a link has stayed
 * up for stableMs; the edge hub owns that timer.
 */
export interface BackoffConfig {
  /** First ceiling, ms. */
  baseMs: number;
  /** Largest ceiling, ms. */
  capMs: number;
  /** A link must stay up this long before the next failure starts again from base. */
  stableMs: number;
}

export const DefaultBackoff: Readonly<BackoffConfig> = Object.freeze({ baseMs: 250, capMs: 30_000, stableMs: 10_000 });

export function verifyBackoff(c: BackoffConfig): BackoffConfig {
  for (const k of ['baseMs', 'capMs', 'stableMs'] as const) {
    if (!Number.isFinite(c[k]) || c[k] < 0) throw new TypeError(`backoff.${k} must be a non-negative number, got ${String(c[k])}`);
  }
  if (c.capMs < c.baseMs) throw new TypeError(`backoff.capMs (${c.capMs}) must be at least backoff.baseMs (${c.baseMs})`);
  return c;
}

export class Backoff {
  private attempt = 0;
  constructor(private readonly config: BackoffConfig, private readonly random: () => number = Math.random) {}

  /** The ceiling of the next draw: min(cap, base * 2^attempt). */
  ceiling(): number {
    return Math.min(this.config.capMs, this.config.baseMs * 2 ** Math.min(this.attempt, 52));
  }

  /** The next delay, ms, and one more attempt counted. */
  next(): number {
    const delay = Math.floor(this.random() * this.ceiling());
    this.attempt++;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
