// Where does a control message wait during a drain? Cloud in this process, edge in a child.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { now, log, patchSocket } from './hooks.mjs';
import { readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
// Every thread of a process: tid -> [ran ns, waited for a CPU ns] (/proc/PID/task/*/schedstat).
const threads = (pid) => { const m = new Map(); for (const t of readdirSync(`/proc/${pid}/task`)) { try { const [run, wait] = readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').trim().split(' ').map(Number); m.set(t, [run, wait]); } catch {} } return m; };
const threadDelta = (pid, a, b) => [...b].map(([t, [r, w]]) => [t === String(pid) ? 'main' : t, (r - (a.get(t)?.[0] ?? 0)) / 1e6, (w - (a.get(t)?.[1] ?? 0)) / 1e6]).filter(([, r]) => r >= 2).sort((x, y) => y[1] - x[1]).map(([t, r, w]) => `${t} ${r.toFixed(0)}/${w.toFixed(0)}`).join(', ');
const cpuStat = () => { const v = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number); return { idle: v[3], iowait: v[4], busy: v[0] + v[1] + v[2] + v[5] + v[6] + v[7] }; };
const sched = () => { const [run, wait] = readFileSync('/proc/self/schedstat', 'utf8').trim().split(' ').map(Number); return { run, wait }; };
const D = process.env.DIST ?? new URL('../../../dist', import.meta.url).pathname;
const { CloudHub } = await import(`${D}/index.js`);
const { EdgeSocket } = await import(`${D}/cloudhub/edge-socket.js`);
patchSocket(EdgeSocket.prototype);
const ROUNDS = Number(process.env.ROUNDS ?? 3), BACKLOG = Number(process.env.BACKLOG ?? 100000), RATE = Number(process.env.RATE ?? 50);
const cloudLink = JSON.parse(process.env.CLOUD_LINK ?? '{}'), edgeLink = JSON.parse(process.env.EDGE_LINK ?? '{}');
const dir = mkdtempSync(join(tmpdir(), 'drain-probe-'));
const NODE = 'edge-drain';
const hub = await CloudHub.start({ listen: '127.0.0.1:0', dataDir: join(dir, 'cloud'), log: 'silent', insecure: 'dev', ...cloudLink });
const child = fork(new URL('./probe-edge.mjs', import.meta.url), [JSON.stringify({ url: hub.url, node: NODE, token: hub.mintToken(NODE), dir: join(dir, 'edge'), edgeLink })], { execArgv: process.env.EDGE_ARGS ? process.env.EDGE_ARGS.split(' ').filter(Boolean) : [] });
const waiters = [];
child.on('message', (m) => { const w = waiters.shift(); w?.(m); });
const ask = (type) => new Promise((r) => { waiters.push(r); if (type) child.send({ type }); });
await ask(null);
let sent = []; // per i: { t, seq, rtt, echoSeq, tMsg }
let run = 0;
hub.on('message', (node, m) => {
  if (m.lane !== 'control') return;
  const p = Buffer.from(m.payload);
  if (p.readUInt32LE(4) !== run) return;
  const s = sent[p.readUInt32LE(0)];
  if (!s) return;
  s.tMsg = now(); s.echoSeq = m.seq; s.edgeT = p.readDoubleLE(8);
});
function fire(i) {
  const p = Buffer.alloc(16); p.writeUInt32LE(i, 0); p.writeUInt32LE(run, 4);
  const s = { t: now() }; sent[i] = s;
  hub.send(NODE, { lane: 'control', payload: p }).then((r) => { s.seq = r.seq; });
}
async function control(rate, more) {
  let i = 0; const start = performance.now();
  while (more()) { const due = Math.floor((performance.now() - start) * rate / 1000) + 1; while (i < due) fire(i++); await new Promise((r) => setTimeout(r, Math.max(0, start + i * 1000 / rate - performance.now()))); }
}
async function bulk(n) {
  const payload = Buffer.alloc(1024, 0x62); let last; const inflight = [];
  for (let i = 0; i < n; i++) { last = hub.send(NODE, { lane: 'bulk', payload }); if (i % 1024 === 0) { inflight.push(last); if (inflight.length > 8) await inflight.shift(); } }
  return last;
}
await ask('connect');
run++; sent = []; { let k = 0; await control(500, () => k++ < 1000); }
await (await bulk(20000)).delivered;
const results = []; const windows = [];
for (let r = 0; r < ROUNDS; r++) {
  await ask('close');
  const last = await bulk(BACKLOG);
  await new Promise((res) => setTimeout(res, 1000));
  await ask('reset'); log.flush.length = 0; log.frames.length = 0;
  run++; sent = [];
  let done = false, onlineAt = 0, ctl = Promise.resolve();
  let h0 = 0n; let tc0, te0, cpu0; hub.once('online', () => { cpu0 = cpuStat(); onlineAt = now(); h0 = process.hrtime.bigint(); tc0 = threads(process.pid); te0 = threads(child.pid); ctl = control(RATE, () => !done); });
  const t0 = now(); const s0 = sched();
  await ask('connect');
  await last.delivered; done = true; const endAt = now(); windows.push([Number(h0 / 1000n), Number(process.hrtime.bigint() / 1000n)]); const s1 = sched(); const tc1 = threads(process.pid), te1 = threads(child.pid);
  { const c = cpuStat(); console.error(`machine during the drain: busy ${((c.busy - cpu0.busy) * 10).toFixed(0)} ms, idle ${((c.idle - cpu0.idle) * 10).toFixed(0)} ms, iowait ${((c.iowait - cpu0.iowait) * 10).toFixed(0)} ms (2 vCPUs)`); }
  console.error(`threads ran/waited ms: cloud ${threadDelta(process.pid, tc0, tc1)} | edge ${threadDelta(child.pid, te0, te1)}`);
  await ctl; await new Promise((res) => setTimeout(res, 300));
  const edge = (await ask('dump')).log;
  results.push({ onlineAt, endAt, sent, cloud: { flush: [...log.flush], frames: [...log.frames] }, edge });
  console.error(`window ${(onlineAt - performance.timeOrigin).toFixed(0)}..${(endAt - performance.timeOrigin).toFixed(0)} ms`); console.error(`round ${r}: drain ${(endAt - onlineAt).toFixed(0)} ms, ${sent.length} control; cloud main thread ran ${((s1.run - s0.run) / 1e6).toFixed(0)} ms, waited for a CPU ${((s1.wait - s0.wait) / 1e6).toFixed(0)} ms; edge (connect..dump) ran ${((edge.sched.run - edge.sched0.run) / 1e6).toFixed(0)} ms waited ${((edge.sched.wait - edge.sched0.wait) / 1e6).toFixed(0)} ms`);
}
child.send({ type: 'close' }); await new Promise((r) => setTimeout(r, 500)); child.send({ type: 'exit' }); await new Promise((r) => setTimeout(r, 1500));
await hub.close(); rmSync(dir, { recursive: true, force: true });
(await import('node:fs')).writeFileSync(process.env.WINDOWS ?? '/tmp/drain-probe-windows.json', JSON.stringify(windows));
// analysis
const rows = [];
for (const R of results) {
  const cf = R.cloud.flush, ef = R.edge.flush;
  for (const [i, s] of R.sent.entries()) {
    if (!s || s.tMsg === undefined) { rows.push({ lost: true }); continue; }
    const w = cf.find((f) => f.from <= s.seq && s.seq <= f.to);
    const ef0 = R.edge.frames.find((f) => f.ctl && f.ctl.includes(s.seq));
    const uf = ef0 && R.edge.uframes.find((u) => u.t0 <= ef0.t0 && ef0.t1 <= u.t1);
    const eh = R.edge.handler.find((h) => Math.abs(h.t - s.edgeT) < 1e-6);
    const eflush = ef.find((f) => f.from <= s.echoSeq && s.echoSeq <= f.to);
    const cr = R.cloud.frames.find((f) => f.ctl && f.ctl.includes(s.echoSeq));
    // edge busy between cloud write and this frame's start: bulk frames processed
    const busy = w && uf ? R.edge.uframes.filter((u) => u.t0 >= w.t && u.t0 < uf.t0) : [];
    rows.push({ i, since: s.t - R.onlineAt, rtt: s.tMsg - s.t, wait: w ? w.t - s.t : NaN, buffered: w?.buffered, inflight: w?.inflight, size: w?.size,
      wire: uf && w ? uf.t0 - w.t : NaN, busyFrames: busy.length, busyMs: busy.reduce((a, u) => a + u.t1 - u.t0, 0), busyBytes: busy.reduce((a, u) => a + u.length, 0),
      edgeFrame: uf ? uf.t1 - uf.t0 : NaN, edgeFrameLen: uf?.length, toHandler: uf && eh ? eh.t - uf.t0 : NaN,
      handlerToFlush: eflush && eh ? eflush.t - eh.t : NaN, back: cr && eflush ? cr.t0 - eflush.t : NaN, toMsg: cr ? s.tMsg - cr.t0 : NaN,
      at: { write: w?.t, edgeFrame: uf?.t0, edgeFlush: eflush?.t, cloudFrame: cr?.t0 }, edgeClock: R.edge.clock });
  }
}
rows.sort((a, b) => b.rtt - a.rtt);
// For timeline.mjs: the tail's absolute hop times and each process's epoch/monotonic clock pair.
(await import('node:fs')).writeFileSync(process.env.TAIL ?? '/tmp/drain-probe-tail.json', JSON.stringify({ cloudClock: { epoch: now(), mono: Number(process.hrtime.bigint() / 1000n) }, rows: rows.slice(0, Number(process.env.TOP ?? 15)) }));
const f = (x) => (x === undefined || Number.isNaN(x)) ? '-' : typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toFixed(2)) : String(x);
const keys = ['since', 'rtt', 'wait', 'buffered', 'inflight', 'size', 'wire', 'busyFrames', 'busyMs', 'busyBytes', 'edgeFrame', 'edgeFrameLen', 'toHandler', 'handlerToFlush', 'back', 'toMsg'];
console.log(keys.join('\t'));
for (const r of rows.slice(0, Number(process.env.TOP ?? 15))) console.log(keys.map((k) => f(r[k])).join('\t'));
const med = (k) => { const v = rows.map((r) => r[k]).filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
console.log('median\t' + keys.slice(2).map((k) => f(med(k))).join('\t'));
{ const r = rows.filter((x) => !x.lost).map((x) => x.rtt).sort((a, b) => a - b); const q = (f) => r[Math.min(r.length - 1, Math.floor(f * r.length))]; const d = results.map((R) => R.endAt - R.onlineAt).sort((a, b) => a - b); console.log(`SUMMARY ${process.env.CLOUD_LINK ?? ''} rtt p50 ${q(0.5).toFixed(2)} p90 ${q(0.9).toFixed(2)} p99 ${q(0.99).toFixed(2)} max ${r[r.length - 1].toFixed(2)} n ${r.length}; drain median ${d[Math.floor((d.length - 1) / 2)].toFixed(0)} ms = ${(BACKLOG / d[Math.floor((d.length - 1) / 2)]).toFixed(0)}k msg/s; lost ${rows.length - r.length}`); }
console.log(`n=${rows.length} drain ms: ${results.map((R) => (R.endAt - R.onlineAt).toFixed(0)).join(' ')}`);
process.exit(0);
