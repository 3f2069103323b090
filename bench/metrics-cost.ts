/**
 * `node dist/bench/metrics-cost.js`: what metrics cost on the send path. The
 * only per-message work is the ack-latency sampler (link/link-observer.ts):
 * one comparison per accepted message, one per ack. Scrape cost is measured by
 * `npm run bench -- scale` (the /metrics column).
 */
import { AckSampler } from '../link/index.js';

let samples = 0;
const sampler = new AckSampler(4, { rtt: () => {}, ackLatency: () => { samples++; } });
const N = 20_000_000;
for (let round = 0; round < 3; round++) {
  const t0 = process.hrtime.bigint();
  for (let i = 1; i <= N; i++) {
    sampler.accepted(2, i, Date.now());
    if ((i & 63) === 0) sampler.acked(2, i);
  }
  const ns = Number(process.hrtime.bigint() - t0) / N;
  process.stdout.write(`round ${round}: ${ns.toFixed(2)} ns per accepted message (an ack every 64 messages); ${samples} samples so far\n`);
}
