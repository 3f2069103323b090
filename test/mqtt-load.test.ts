/**
 * 1000 MQTT clients (mqtt.js, in a child process) on one edge's local broker
 * publish one QoS 1 message each at once: every one is acknowledged, and the
 * cloud face's subscriber (mosquitto_sub) gets each exactly once.
 */
import t from 'tap';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { mosquittoSub } from './helpers/mosquitto.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bench', 'mqtt', 'many-clients.js');
const N = 1000;

t.test(`${N} MQTT clients on one edge's local broker publishing at once`, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'isthmus-mqtt-load-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const hub = await startHub({ dataDir: join(dir, 'cloud'), mqtt: { listen: '127.0.0.1:0', password: 'load-test-pw' } });
  t.teardown(() => hub.close());
  const edge = await startEdge(hub, 'edge-load', { dataDir: join(dir, 'edge'), mqtt: { listen: '127.0.0.1:0' } });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  const sub = mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/edge-load/up/#'], user: 'isthmus', pass: 'load-test-pw' });
  t.teardown(() => sub.stop());
  await sub.ready;

  const child = spawn(process.execPath, [CHILD, String(edge.mqtt!.port), String(N), 'isthmus/up/devices'], { stdio: ['pipe', 'pipe', 'inherit'] });
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  const lines = createInterface({ input: child.stdout! });
  const next = (): Promise<string> => new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`many-clients exited ${code}`)));
  });
  t.equal(await next(), 'connected');
  await until(() => edge.mqtt!.stats().clients === N, `${N} clients connected`, 30_000);
  child.stdin!.write('go\n');
  const result = JSON.parse(await next()) as { acked: number; failed: number; ms: number };
  t.match(result, { acked: N, failed: 0 }, 'every publish was acknowledged (durable in the edge outbox)');
  await sub.waitFor((m) => m.length >= N, `${N} messages at the cloud`, 60_000);
  await new Promise((r) => setTimeout(r, 300));
  const payloads = new Set(sub.messages.map((m) => m.payload));
  t.equal(sub.messages.length, N, 'no duplicates');
  t.equal(payloads.size, N, 'every client\'s message arrived');
  t.ok(sub.messages.every((m) => /^isthmus\/nodes\/edge-load\/up\/devices\/\d+$/.test(m.topic)));
  t.match(edge.mqtt!.stats().counters.find((c) => c.rule === 'up-0'), { messages: N, refused: 0 });
  t.comment(`${N} publishes acknowledged in ${result.ms} ms (not asserted)`);
});
