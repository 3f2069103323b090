/** Percentiles of latency samples (nearest-rank on the sorted samples). */

export interface Percentiles {
  samples: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

export function percentiles(values: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (q: number): number => (n === 0 ? NaN : sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    samples: n,
    min: n ? sorted[0]! : NaN,
    p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999),
    max: n ? sorted[n - 1]! : NaN,
    mean: n ? sum / n : NaN,
  };
}

/** Rounds for display and JSON: 3 significant decimals are plenty. */
export function round(v: number, digits = 3): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** The round with the median msg/s (a failed round counts as slowest), so its other figures go with it. */
export function medianRound<T extends { msgPerSec: number }>(runs: readonly T[]): T {
  const key = (r: T): number => (Number.isFinite(r.msgPerSec) ? r.msgPerSec : -1);
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor((runs.length - 1) / 2)]!;
}
