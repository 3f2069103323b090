// Where an MQTT message's time goes, hop by hop (bench/README.md, MQTT). Usage, from the repository root:
//   npm run build && sh bench/mqtt/hop-probe/instrument.sh
//   flock /tmp/isthmus-bench.lock node bench/mqtt/hop-probe/hops.mjs [isthmus-memory|isthmus|CLOUD:EDGE] [messages]
// (CLOUD:EDGE names each side's store, lmdb or memory, e.g. lmdb:memory.)
// Starts the system as the mqtt benchmark does (separate hub processes, with preload.mjs), sends
// 1000 messages at 1000 msg/s (warm-up) then N at 200 msg/s, QoS 1, 64 B, and prints the median of
// each hop. Messages are 5 ms apart and take < 5 ms, so a hop mark belongs to the message whose
// publish precedes it: the first mark of each name after the publish and before the delivery.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'isthmus-hops-'));
process.env.HOP_DIR = dir;
process.env.NODE_OPTIONS = `--import ${new URL('bench/mqtt/hop-probe/preload.mjs', root).pathname}`;
const { SYSTEMS, startIsthmus } = await import(new URL('dist/bench/mqtt/systems.js', root));
const { connect } = await import(new URL('dist/bench/mqtt/measure.js', root));
const { paced } = await import(new URL('dist/bench/pacer.js', root));
const name = process.argv[2] ?? 'isthmus-memory';
const N = Number(process.argv[3] ?? 600);
const s = name.includes(':') ? await startIsthmus(...name.split(':')) : await SYSTEMS[name]();
const c = await connect(s);
const pubT = [];
const recvT = [];
const ackT = [];
for (const [run, n] of [[1, 1000], [2, N]]) {
  let got = 0;
  c.onMessage = (p) => { if (p.readUInt32LE(0) === run) { recvT[p.readUInt32LE(4)] = Number(process.hrtime.bigint()); got++; } };
  await paced(run === 1 ? 1000 : 200, n, (i) => {
    const b = Buffer.alloc(64);
    b.writeUInt32LE(run, 0);
    b.writeUInt32LE(i, 4);
    if (run === 2) pubT[i] = Number(process.hrtime.bigint());
    c.pub.publish(s.pub.topic, b, { qos: 1 }, () => { if (run === 2) ackT[i] = Number(process.hrtime.bigint()); });
  });
  const end = Date.now() + 10_000;
  while (got < n && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}
await c.close();
await s.stop();
const procs = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))).filter((p) => p.argv[0] === 'cloudhub' || p.argv[0] === 'edgehub');
rmSync(dir, { recursive: true, force: true });
if (procs.length < 2) throw new Error('no hop marks from the hubs: run instrument.sh on a fresh build first');
const marks = {};
for (const p of procs) for (const [n, t] of p.ev) (marks[`${p.argv[0][0]}.${n}`] ??= []).push(t);
for (const k in marks) marks[k].sort((a, b) => a - b);
const first = (arr = [], t, end) => {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (arr[m] < t) lo = m + 1; else hi = m; }
  return lo < arr.length && arr[lo] < end ? arr[lo] : NaN;
};
const points = ['c.rd', 'c.down', 'c.ws', 'c.wr', 'e.wsrd', 'e.edown', 'e.wsend', 'e.wr', 'e.sw'];
const rows = [];
for (let i = 0; i < N; i++) {
  if (recvT[i] === undefined) continue;
  const r = { pub: pubT[i], recv: recvT[i], ack: ackT[i] };
  for (const k of points) r[k] = first(marks[k], pubT[i], recvT[i]);
  rows.push(r);
}
const med = (f) => { const a = rows.map(f).filter((x) => !isNaN(x)).sort((x, y) => x - y); return a.length ? (a[a.length >> 1] / 1000).toFixed(1).padStart(7) : '    n/a'; };
const hop = (a, b, what) => console.log(`${med((r) => r[b] - r[a])} us  ${`${a} -> ${b}`.padEnd(20)} ${what}`);
console.log(`${name}: ${rows.length} of ${N} messages delivered; medians`);
hop('pub', 'c.rd', 'bench publish() -> cloud socket read (mqtt.js, kernel, wake-up, node stream)');
hop('c.rd', 'c.down', 'cloud: PUBLISH decode (publish-parse.ts), aedes handler -> the face\'s publish hook');
hop('c.down', 'c.ws', 'cloud: face mapping, hub.send, link, frame encode -> uWS send');
hop('c.ws', 'e.wsrd', 'cloud send -> edge socket data (kernel, wake-up)');
hop('e.wsrd', 'e.edown', 'edge: ws frame, decode, link, inbox -> the face\'s handler');
hop('e.edown', 'e.wr', 'edge: face routing, aedes delivery (in the turn: in-turn-delivery.ts) -> subscriber socket write');
hop('e.wr', 'recv', 'edge write -> bench subscriber message event (kernel, wake-up, mqtt.js)');
hop('pub', 'recv', 'total');
hop('c.ws', 'c.wr', '(off the path) cloud: PUBACK write after the frame went out');
hop('e.wsend', 'e.wr', '(inside edge) from the end of the ws data handler to the delivery write');
// The cloud's PUBACK reaches this process too: before the delivery, or after it.
const before = rows.filter((r) => r.ack < r.recv);
const after = rows.filter((r) => !(r.ack < r.recv));
const p50 = (a) => { const v = a.map((r) => r.recv - r.pub).sort((x, y) => x - y); return v.length ? (v[v.length >> 1] / 1000).toFixed(1) : 'n/a'; };
console.log(`PUBACK before the delivery: ${before.length} messages, total p50 ${p50(before)} us; after: ${after.length}, p50 ${p50(after)} us`);
hop('pub', 'ack', '(bench) publish() -> PUBACK callback');
console.log(`load average ${(await import('node:os')).loadavg().map((v) => v.toFixed(2)).join(' ')}`);
