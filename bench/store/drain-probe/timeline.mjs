// What each main thread did during the tail's waits: `node timeline.mjs EDGE.cpuprofile [CLOUD.cpuprofile]`
// after `EDGE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/pe --cpu-prof-interval 100' node --cpu-prof ... probe.mjs`.
// For the `wire` wait (cloud write -> edge frame) it sums the edge's samples by kind; for `back` (edge flush
// -> cloud frame) the cloud's. "unsampled" is time between samples beyond twice the interval: the thread
// was not running (waiting for a CPU) or was in native code that V8's sampler could not stop.
import { readFileSync } from 'node:fs';
const tail = JSON.parse(readFileSync(process.env.TAIL ?? '/tmp/drain-probe-tail.json', 'utf8'));
const load = (f) => {
  const p = JSON.parse(readFileSync(f, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ts = []; let t = p.startTime; for (let i = 0; i < p.samples.length; i++) { t += p.timeDeltas[i] ?? 0; ts.push(t); }
  const label = (id) => { // the nearest frame of our own code (dist/), else the top frame
    const top = byId.get(id).callFrame; if (top.functionName.startsWith('(')) return top.functionName;
    for (let x = id; x !== undefined; x = parent.get(x)) { const c = byId.get(x).callFrame; if (c.url.includes('/dist/')) return `${c.functionName || '(anon)'} ${c.url.split('/').slice(-2).join('/')}`; }
    return `${top.functionName || '(anon)'} ${top.url.split('/').slice(-2).join('/')}`;
  };
  return { p, ts, label };
};
const interval = Number(process.env.INTERVAL_US ?? 100);
function window(prof, a, b) { // a, b monotonic µs
  const m = new Map(); let last = a;
  for (let i = 0; i < prof.ts.length; i++) {
    const t = prof.ts[i]; if (t < a) continue; if (t > b) break;
    const gap = t - last; if (gap > 2 * interval) m.set('(unsampled)', (m.get('(unsampled)') ?? 0) + gap - interval);
    const k = prof.label(prof.p.samples[i]); m.set(k, (m.get(k) ?? 0) + Math.min(gap, 2 * interval)); last = t;
  }
  if (b - last > 2 * interval) m.set('(unsampled)', (m.get('(unsampled)') ?? 0) + b - last);
  return [...m].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${(v / 1000).toFixed(2)} ${k}`).join('; ');
}
const edge = load(process.argv[2]), cloud = process.argv[3] ? load(process.argv[3]) : null;
const mono = (clock, epochMs) => clock.mono + (epochMs - clock.epoch) * 1000;
for (const r of tail.rows) {
  console.log(`rtt ${r.rtt.toFixed(2)} wire ${r.wire?.toFixed(2)} back ${r.back?.toFixed(2)}`);
  if (r.at?.write && r.at.edgeFrame) console.log(`  edge during wire: ${window(edge, mono(r.edgeClock, r.at.write), mono(r.edgeClock, r.at.edgeFrame))}`);
  if (cloud && r.at?.edgeFlush && r.at.cloudFrame) console.log(`  cloud during back: ${window(cloud, mono(tail.cloudClock, r.at.edgeFlush), mono(tail.cloudClock, r.at.cloudFrame))}`);
}
