// Diagnostic: the publisher in a child process of its own (its PUBACKs handled there), the subscriber
// here, QoS 1 and 0 publishers, Isthmus in memory and the Mosquitto bridge, 200 msg/s. Latency from
// CLOCK_MONOTONIC (process.hrtime), shared by the processes.
//   flock /tmp/isthmus-bench.lock node bench/mqtt/hop-probe/split-pub.mjs   (from the repository root, after a build)
import os from 'node:os';
import { fork } from 'node:child_process';
import mqtt from 'mqtt';
if (process.argv[2] === 'pub') {
  const [port, user, pass, topic, qos] = process.argv.slice(3);
  const pub = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: `pub-${process.pid}`, username: user || undefined, password: pass || undefined, reconnectPeriod: 0, keepalive: 60 });
  process.on('message', async ({ id, n }) => {
    let i = 0; const t0 = performance.now();
    await new Promise((res) => { const tick = () => { while (i < n && performance.now() - t0 >= i * 5) { const b = Buffer.alloc(64); b.writeUInt32LE(id, 0); b.writeUInt32LE(i, 4); b.writeBigUInt64LE(process.hrtime.bigint(), 8); pub.publish(topic, b, { qos: Number(qos) }); i++; } if (i < n) setTimeout(tick, Math.max(0, t0 + i * 5 - performance.now())); else res(); }; tick(); });
    process.send('done');
  });
  process.send('ready');
} else {
  const { SYSTEMS } = await import(new URL('../../../dist/bench/mqtt/systems.js', import.meta.url));
  const out = {};
  const sys = [];
  for (const n of ['isthmus-memory', 'mosquitto-bridge']) {
    const s = await SYSTEMS[n]();
    const sub = await mqtt.connectAsync(`mqtt://127.0.0.1:${s.sub.port}`, { clientId: `sub-${n}`, reconnectPeriod: 0, keepalive: 60 });
    await sub.subscribeAsync(s.sub.filter, { qos: 1 });
    const x = { n, s, sub, on: () => {}, kids: {} };
    sub.on('message', (_t, p) => x.on(p));
    for (const q of [1, 0]) { const k = fork(new URL(import.meta.url).pathname, ['pub', s.pub.port, s.pub.username ?? '', s.pub.password ?? '', s.pub.topic, q]); await new Promise((r) => k.once('message', r)); x.kids[q] = k; }
    sys.push(x);
  }
  let run = 1;
  for (let r = 0; r < 4; r++) for (const x of sys) for (const q of [1, 0]) {
    const lat = []; const id = run++;
    x.on = (p) => { if (p.readUInt32LE(0) === id) lat.push(Number(process.hrtime.bigint() - p.readBigUInt64LE(8)) / 1e6); };
    x.kids[q].send({ id, n: r === 0 ? 300 : 600 });
    await new Promise((res) => x.kids[q].once('message', res));
    await new Promise((res) => setTimeout(res, 200));
    if (r > 0) (out[`${x.n} pub-qos${q}`] ??= []).push(...lat);
  }
  for (const k in out) { const a = out[k].sort((x, y) => x - y); console.log(k.padEnd(28), 'p50', a[a.length >> 1].toFixed(3), 'p90', a[Math.floor(a.length * 0.9)].toFixed(3), 'n', a.length); }
  console.log('load', os.loadavg().map((v) => v.toFixed(2)).join(' '));
  for (const x of sys) { for (const k of Object.values(x.kids)) k.kill(); await x.sub.endAsync(); await x.s.stop(); }
}
