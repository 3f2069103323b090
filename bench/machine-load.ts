/**
 * How busy the whole machine was during a measurement, from /proc/stat, so
 * that a run disturbed by other processes (a test suite, a build) says so
 * instead of passing off noisy figures: on 2 cores, anything else running
 * takes CPU straight from the server or the clients.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

interface Sample { busy: number; total: number }

function sample(): Sample | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null; // not Linux: no figure
  }
}

export class MachineMeter {
  private readonly start = sample();

  /** Cores' worth of CPU the whole machine used since the meter started (NaN when unknown). */
  busyCores(): number {
    const end = sample();
    if (!this.start || !end || end.total === this.start.total) return NaN;
    return ((end.busy - this.start.busy) / (end.total - this.start.total)) * os.availableParallelism();
  }
}

/** Most time one benchmark spends waiting for a quiet machine, ms. */
export const IDLE_BUDGET_MS = 60_000;

/** Above this many cores used by other processes during a case, its figures are flagged as disturbed. */
export const FOREIGN_CPU_WARNING = 0.25;

/**
 * Before each measurement, waits for half a second during which the machine is
 * idle but for this process, so that cases start on a quiet machine when one
 * comes. Bounded twice: at most `perWaitMs` each time and `budgetMs` in all,
 * so that a machine that never gets quiet costs a run at most the budget.
 */
export class IdleWaiter {
  private spentMs = 0;
  constructor(private readonly perWaitMs: number, private readonly budgetMs: number) {}

  /** Resolves when the machine is quiet or the time allowed is spent. */
  async wait(): Promise<void> {
    const start = Date.now();
    const end = start + Math.min(this.perWaitMs, this.budgetMs - this.spentMs);
    while (Date.now() < end) {
      const meter = new MachineMeter();
      const cpu0 = process.cpuUsage();
      await new Promise((r) => setTimeout(r, 500));
      const c = process.cpuUsage(cpu0);
      const others = meter.busyCores() - (c.user + c.system) / 5e5;
      if (!(others > FOREIGN_CPU_WARNING)) break;
    }
    this.spentMs += Date.now() - start;
  }
}
