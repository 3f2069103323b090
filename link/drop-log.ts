/** Logs drops once per burst: the first drop opens a one-second window, its end logs the count. */
import type { Logger } from 'pino';
import type { DropReason } from './outbox.js';

const WINDOW_MS = 1_000;

export class DropLog {
  private counts = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly log: Logger, private readonly who: { peer: string; node?: string }) {}

  count(lane: string, reason: DropReason): void {
    const k = `${lane}:${reason}`;
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), WINDOW_MS);
      this.timer.unref();
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [k, n] of this.counts) {
      const [lane, reason] = k.split(':');
      const level = reason === 'superseded' ? 'debug' : 'warn';
      this.log[level]({ ...this.who, lane, reason, dropped: n }, `dropped ${n} message(s) on lane ${lane}: ${reason}`);
    }
    this.counts.clear();
  }
}
