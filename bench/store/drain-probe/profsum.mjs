import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(), total = new Map();
let all = 0; const W = process.env.W ? JSON.parse(readFileSync(process.env.W, 'utf8')) : null; let ts = p.startTime;
for (let i = 0; i < p.samples.length; i++) {
  const dt = p.timeDeltas[i] ?? 0; ts += dt; const n = byId.get(p.samples[i]); if (W && !W.some(([a, b]) => ts >= a && ts <= b)) continue;
  const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  if (n.callFrame.functionName === '(idle)') continue;
  all += dt; self.set(name, (self.get(name) ?? 0) + dt);
  const seen = new Set(); let id = n.id;
  while (id !== undefined) { const m = byId.get(id); const nm = `${m.callFrame.functionName || '(anon)'} ${m.callFrame.url.split('/').slice(-2).join('/')}:${m.callFrame.lineNumber}`; if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) ?? 0) + dt); } id = parent.get(id); }
}
console.log('busy ms', (all / 1000).toFixed(0));
console.log('--- self'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.N ?? 25))) console.log((v / 1000).toFixed(1).padStart(8), k);
console.log('--- total'); for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.N ?? 25))) console.log((v / 1000).toFixed(1).padStart(8), k);
