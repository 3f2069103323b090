/**
 * One system at one loss rate, run inside the namespace (the parent starts
 * this file with `ip netns exec`; without root it runs on the host, lossless).
 * It starts the system, sets the loss on the system's link ports, warms up,
 * measures each rate (open loop, fixed rate, each message timed from the
 * send call to its echo), and prints one JSON line: the samples' percentiles,
 * lost and duplicated echoes per rate.
 */
import { timedEchoes, WARM_UP } from '../timed-echoes.js';
import { percentiles, type Percentiles } from '../stats.js';
import { setLoss } from './namespace.js';
import { startSystem, type LossTarget, type SystemName } from './systems.js';

export interface WorkerSpec {
  system: SystemName;
  perMille: number;
  /** Set the loss (inside a namespace) or not (lossless run on the host). */
  lossy: boolean;
  rates: { rate: number; count: number }[];
  payloadBytes: number;
  /** How long to wait for the last echoes, ms. */
  graceMs: number;
  /** Added each way by a user-space delay line in front of the link port, ms (0: none). */
  delayMs: number;
  /** Round trips of the JIT warm-up (bench/timed-echoes.ts, WARM_UP), before the loss is set. */
  warmUp: number;
}

export interface RateResult extends Percentiles {
  rate: number;
  sent: number;
  lost: number;
  duplicates: number;
}

export interface WorkerResult {
  system: SystemName;
  perMille: number;
  results: RateResult[];
  counters: Record<string, number>;
}

async function measure(t: LossTarget, rate: number, count: number, size: number, run: number, graceMs: number): Promise<RateResult> {
  const r = await timedEchoes(t, rate, count, size, run, graceMs, 200); // late copies would show up within 200 ms
  return { rate, sent: count, lost: r.lost, duplicates: r.duplicates, ...percentiles(r.latencies) };
}

async function main(spec: WorkerSpec): Promise<WorkerResult> {
  const t = await startSystem(spec.system, spec.delayMs);
  try {
    // JIT warm-up without loss (at a high rate under loss it would mostly time TCP's recovery), discarded.
    await measure(t, WARM_UP.rate, spec.warmUp, spec.payloadBytes, 0, spec.graceMs);
    if (spec.lossy) setLoss(t.linkPorts, spec.perMille);
    // Warm-up under the same loss (TCP windows), discarded.
    await measure(t, 200, 200, spec.payloadBytes, 1, spec.graceMs);
    const results: RateResult[] = [];
    let run = 2;
    for (const { rate, count } of spec.rates) results.push(await measure(t, rate, count, spec.payloadBytes, run++, spec.graceMs));
    return { system: spec.system, perMille: spec.perMille, results, counters: t.counters() };
  } finally {
    if (spec.lossy) setLoss([], 0);
    await t.close();
  }
}

main(JSON.parse(process.argv[2]!) as WorkerSpec).then(
  (r) => { process.stdout.write(`${JSON.stringify(r)}\n`); process.exit(0); },
  (err: Error) => { process.stderr.write(`loss worker: ${err.stack ?? String(err)}\n`); process.exit(1); },
);
