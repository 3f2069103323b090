/**
 * Fixed-rate, open-loop sending: message i is due at start + i / rate whatever
 * happened to the earlier ones, so a slow reply never slows the offered load
 * (closed-loop senders hide latency that way). Timers fire at best every
 * millisecond, so at 2000 msg/s each tick sends the two or so messages due;
 * the floor and Isthmus get the same pacer.
 */
import { performance } from 'node:perf_hooks';

/** Calls fire(i) for i in 0..count-1 at `rate` per second; resolves after the last. */
export function paced(rate: number, count: number, fire: (i: number) => void): Promise<void> {
  const interval = 1000 / rate;
  const start = performance.now();
  let i = 0;
  return new Promise((resolve) => {
    const tick = (): void => {
      const due = Math.min(count, Math.floor((performance.now() - start) / interval) + 1);
      while (i < due) fire(i++);
      if (i >= count) return resolve();
      setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
    };
    tick();
  });
}
