// Diagnostic: delivery latency with the bench publisher at QoS 1 and at QoS 0 (no PUBACK for the bench
// process to handle while the delivery arrives), Isthmus in memory and the Mosquitto bridge, 200 msg/s.
//   flock /tmp/isthmus-bench.lock node bench/mqtt/hop-probe/pub-qos.mjs   (from the repository root, after a build)
import os from 'node:os';
const { SYSTEMS } = await import(new URL('../../../dist/bench/mqtt/systems.js', import.meta.url));
const { connect } = await import(new URL('../../../dist/bench/mqtt/measure.js', import.meta.url));
const { paced } = await import(new URL('../../../dist/bench/pacer.js', import.meta.url));
const { performance } = await import('node:perf_hooks');
const out = {};
const sys = [];
for (const n of ['isthmus-memory', 'mosquitto-bridge']) { const s = await SYSTEMS[n](); sys.push({ n, s, c: await connect(s) }); }
let run = 1;
for (let r = 0; r < 3; r++) for (const x of sys) for (const qos of [1, 0]) {
  const lat = []; const id = run++; const N = r === 0 ? 300 : 600;
  x.c.onMessage = (p) => { if (p.readUInt32LE(0) === id) lat.push(performance.now() - p.readDoubleLE(8)); };
  await paced(200, N, (i) => { const b = Buffer.alloc(64); b.writeUInt32LE(id, 0); b.writeUInt32LE(i, 4); b.writeDoubleLE(performance.now(), 8); x.c.pub.publish(x.s.pub.topic, b, { qos }); });
  await new Promise((res) => setTimeout(res, 200));
  if (r > 0) (out[`${x.n} q${qos}`] ??= []).push(...lat);
}
for (const k in out) { const a = out[k].sort((x, y) => x - y); console.log(k.padEnd(22), 'p50', a[a.length >> 1].toFixed(3), 'n', a.length); }
console.log('load', os.loadavg().map((v) => v.toFixed(2)).join(' '));
for (const x of sys) { await x.c.close(); await x.s.stop(); }
