// Latency of several Isthmus set-ups beside the Mosquitto bridge, in one run, rounds in turn:
// which side's store costs what, and A/B of experiments read from the environment.
//   node bench/mqtt/hop-probe/mix.mjs [rounds] [messages per round] SPEC...      (from the repository root)
// SPEC is CLOUD:EDGE (each lmdb or memory), optionally @VAR=VALUE,... put in the environment of
// that system's hub processes, or `bridge`. Example:
//   flock /tmp/isthmus-bench.lock node bench/mqtt/hop-probe/mix.mjs 6 400 memory:memory lmdb:lmdb lmdb:memory memory:lmdb bridge
import os from 'node:os';

const root = new URL('../../../', import.meta.url);
const { startIsthmus, startBridge } = await import(new URL('dist/bench/mqtt/systems.js', root));
const { connect, measureLatency, measureThroughput } = await import(new URL('dist/bench/mqtt/measure.js', root));
const { percentiles } = await import(new URL('dist/bench/stats.js', root));
const rounds = Number(process.argv[2] ?? 4);
const per = Number(process.argv[3] ?? 400);
const specs = process.argv.slice(4);
if (!specs.length) specs.push('memory:memory', 'lmdb:lmdb', 'bridge');
const sys = [];
let run = 1;
const start = async (spec) => {
  if (spec === 'bridge') return startBridge();
  const [stores, vars = ''] = spec.split('@');
  const [cloud, edge] = stores.split(':');
  const saved = { ...process.env };
  for (const kv of vars.split(',').filter(Boolean)) { const [k, v] = kv.split('='); process.env[k] = v; }
  try {
    return await startIsthmus(cloud, edge);
  } finally {
    process.env = saved;
  }
};
try {
  for (const spec of specs) {
    const s = await start(spec);
    sys.push({ n: spec, s, c: await connect(s), lat: [], rounds: [] });
    // The benchmark's warm-up: 2000 paced messages and one throughput round.
    await measureLatency(sys.at(-1).c, s, 1000, 2000, 64, run++, 3000);
    await measureThroughput(sys.at(-1).c, s, 50000, 256, 64, run++, 5000);
  }
  for (let r = 0; r < rounds; r++) {
    for (const x of sys) {
      const l = await measureLatency(x.c, x.s, 200, per, 64, run++, 3000);
      x.lat.push(...l.latencies);
      x.rounds.push(l.latencies);
      if (l.lost || l.duplicates) console.log(x.n, 'lost', l.lost, 'duplicated', l.duplicates);
    }
  }
  const bridge = sys.find((x) => x.n === 'bridge');
  // Per round, each system's p50 over the bridge's of the same round; the median of those ratios.
  const rr = (x) => { const v = x.rounds.map((l, i) => percentiles(l).p50 / percentiles(bridge.rounds[i]).p50).sort((a, b) => a - b); return v[v.length >> 1]; };
  const b50 = bridge ? percentiles(bridge.lat).p50 : NaN;
  for (const x of sys) {
    const p = percentiles(x.lat);
    console.log(`${x.n.padEnd(28)} p50 ${p.p50.toFixed(3)} p90 ${p.p90.toFixed(3)} p99 ${p.p99.toFixed(3)} ms, p50 ${(p.p50 / b50).toFixed(2)}x the bridge's${bridge ? `, median of the rounds' ratios ${rr(x).toFixed(2)}` : ''}`);
  }
  console.log(`${rounds} rounds of ${per} at 200 msg/s; load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}; ${new Date().toISOString()}`);
} finally {
  for (const x of sys) { await x.c.close().catch(() => {}); await x.s.stop(); }
}
