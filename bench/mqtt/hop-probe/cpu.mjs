// CPU time per message of each process on the path at a low rate (cold vCPUs): what each hub and
// each mosquitto spends, user + system, all threads (LMDB's writer and sync threads included).
//   flock /tmp/isthmus-bench.lock node bench/mqtt/hop-probe/cpu.mjs [messages] [SPEC...]   (from the repository root)
// SPEC as mix.mjs (CLOUD:EDGE with lmdb or memory, optional @VAR=VALUE,..., or bridge).
import os from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);
const { startIsthmus, startBridge } = await import(new URL('dist/bench/mqtt/systems.js', root));
const { connect, measureLatency, measureThroughput } = await import(new URL('dist/bench/mqtt/measure.js', root));
const { percentiles } = await import(new URL('dist/bench/stats.js', root));
const N = Number(process.argv[2] ?? 1000);
const specs = process.argv.slice(3);
if (!specs.length) specs.push('lmdb:lmdb', 'memory:memory', 'bridge');
const TICK = 1e6 / 100; // µs per clock tick (USER_HZ 100)

/** Direct children of this process: pid -> short name. */
function children() {
  const out = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[1]) !== process.pid) continue;
      const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      out.set(Number(d), argv.find((a) => ['cloudhub', 'edgehub'].includes(a)) ?? argv.find((a) => a.endsWith('.conf')) ?? argv[0]);
    } catch { /* gone */ }
  }
  return out;
}
/** Per thread of pid: name -> [user, system] µs (threads of one name summed). */
function cpu(pid) {
  const out = {};
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
      const name = t === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[0-9]+$/, '');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const v = (out[name] ??= [0, 0]);
      v[0] += Number(f[11]) * TICK;
      v[1] += Number(f[12]) * TICK;
    } catch { /* gone */ }
  }
  return out;
}
const total = (c) => Object.values(c).reduce((a, [u, s]) => a + u + s, 0);
/** The threads that used CPU between two samples, per message: name user/system. */
function threads(a, b, n) {
  return Object.keys(b).map((k) => [k, (b[k][0] - (a[k]?.[0] ?? 0)) / n, (b[k][1] - (a[k]?.[1] ?? 0)) / n])
    .filter(([, u, s]) => u + s > 0).map(([k, u, s]) => `${k} ${u.toFixed(0)}/${s.toFixed(0)}`).join(' ');
}
const start = async (spec) => {
  if (spec === 'bridge') return startBridge();
  const [stores, vars = ''] = spec.split('@');
  const saved = { ...process.env };
  for (const kv of vars.split(',').filter(Boolean)) { const [k, v] = kv.split('='); process.env[k] = v; }
  try { return await startIsthmus(...stores.split(':')); } finally { process.env = saved; }
};
let run = 1;
for (const spec of specs) {
  const before = new Set(children().keys());
  const s = await start(spec);
  const mine = [...children()].filter(([pid]) => !before.has(pid));
  const c = await connect(s);
  try {
    await measureLatency(c, s, 1000, 2000, 64, run++, 3000);
    await measureThroughput(c, s, 50000, 256, 64, run++, 5000);
    await new Promise((r) => setTimeout(r, 500));
    const t0 = mine.map(([pid]) => cpu(pid));
    const me0 = process.cpuUsage();
    const l = await measureLatency(c, s, 200, N, 64, run++, 3000);
    const me = process.cpuUsage(me0);
    const t1 = mine.map(([pid]) => cpu(pid));
    const per = mine.map(([, name], i) => `${name.replace(/.*\//, '')} ${((total(t1[i]) - total(t0[i])) / N).toFixed(0)} (${threads(t0[i], t1[i], N)})`).join(', ');
    console.log(`${spec.padEnd(24)} p50 ${percentiles(l.latencies).p50.toFixed(3)} ms; CPU us/msg (thread user/system): ${per}; bench ${((me.user + me.system) / N).toFixed(0)}`);
  } finally {
    await c.close().catch(() => {});
    await s.stop();
  }
}
console.log(`${N} messages at 200 msg/s each; load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}; ${new Date().toISOString()}`);
