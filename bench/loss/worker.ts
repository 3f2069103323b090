/**
 * One system at one loss rate, run inside the namespace (the parent starts
 * this file with `ip netns exec`; without root it runs on the host, lossless).
 * It starts the system, sets the loss on the system's link ports, warms up,
 * measures each rate (open loop, fixed rate, each message timed from the
 * send call to its echo), and prints one JSON line: the samples' percentiles,
 * lost and duplicated echoes per rate.
 */
import { performance } from 'node:perf_hooks';
import { paced } from '../pacer.js';
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
  const sentAt = new Float64Array(count);
  const seen = new Uint8Array(count);
  const latencies: number[] = [];
  let duplicates = 0;
  t.onEcho = (p) => {
    const now = performance.now();
    if (p.length < 8) return;
    const dv = new DataView(p.buffer, p.byteOffset, p.byteLength);
    const i = dv.getUint32(0, true);
    if (dv.getUint32(4, true) !== run || i >= count) return;
    if (seen[i]) { duplicates++; return; }
    seen[i] = 1;
    latencies.push(now - sentAt[i]!);
  };
  await paced(rate, count, (i) => {
    const p = Buffer.alloc(size);
    p.writeUInt32LE(i, 0);
    p.writeUInt32LE(run, 4);
    sentAt[i] = performance.now();
    t.send(p);
  });
  const end = Date.now() + graceMs;
  while (latencies.length < count && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  // Late copies would show up now.
  await new Promise((r) => setTimeout(r, 200));
  t.onEcho = () => {};
  return { rate, sent: count, lost: count - latencies.length, duplicates, ...percentiles(latencies) };
}

async function main(spec: WorkerSpec): Promise<WorkerResult> {
  const t = await startSystem(spec.system, spec.delayMs);
  try {
    if (spec.lossy) setLoss(t.linkPorts, spec.perMille);
    // Warm-up under the same loss (JIT, TCP windows), discarded.
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
