// A/B of two builds in one run, beside the Mosquitto bridge: latency at 200 msg/s, rounds in turn.
//   node bench/mqtt/hop-probe/ab.mjs BASE [rounds] [messages per round]      (from the repository root)
// BASE is another checkout's root with its own `npm run build` done (dist/, package.json, node_modules).
// STORE=lmdb compares the durable stores (default memory). Run it under the bench lock.
import os from 'node:os';

const root = new URL('../../../', import.meta.url);
const base = new URL(`${process.argv[2].replace(/\/?$/, '/')}`, `file://${process.cwd()}/`);
const A = await import(new URL('dist/bench/mqtt/systems.js', base));
const B = await import(new URL('dist/bench/mqtt/systems.js', root));
const { connect, measureLatency } = await import(new URL('dist/bench/mqtt/measure.js', root));
const { percentiles } = await import(new URL('dist/bench/stats.js', root));
const store = process.env.STORE ?? 'memory';
const rounds = Number(process.argv[3] ?? 4);
const per = Number(process.argv[4] ?? 600);
const specs = [['base', () => A.startIsthmus(store)], ['this', () => B.startIsthmus(store)], ['bridge', B.startBridge]];
const sys = [];
let run = 1;
try {
  for (const [n, start] of specs) {
    const s = await start();
    sys.push({ n, s, c: await connect(s), lat: [] });
    await measureLatency(sys.at(-1).c, s, 1000, 1000, 64, run++, 3000); // warm-up
  }
  for (let r = 0; r < rounds; r++) {
    for (const x of sys) {
      const l = await measureLatency(x.c, x.s, 200, per, 64, run++, 3000);
      x.lat.push(...l.latencies);
      if (l.lost || l.duplicates) console.log(x.n, 'lost', l.lost, 'duplicated', l.duplicates);
    }
  }
  const bridge = percentiles(sys.find((x) => x.n === 'bridge').lat).p50;
  for (const x of sys) {
    const p = percentiles(x.lat);
    console.log(`${x.n.padEnd(7)} p50 ${p.p50.toFixed(3)} p90 ${p.p90.toFixed(3)} p99 ${p.p99.toFixed(3)} ms, p50 ${(p.p50 / bridge).toFixed(2)}x the bridge's`);
  }
  console.log(`store ${store}, load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
} finally {
  for (const x of sys) { await x.c.close().catch(() => {}); await x.s.stop(); }
}
