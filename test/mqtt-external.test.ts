/**
 * External-broker mode against a real mosquitto process: a full edge outbox
 * pushes back into mosquitto's queue (the message stays unacknowledged and is
 * redelivered), and once the link is back every message reaches the cloud once.
 */
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { CutProxy } from './helpers/cut-proxy.js';
import { mosquittoPub, mosquittoSub } from './helpers/mosquitto.js';
import { startMosquitto } from '../bench/peers/mosquitto.js';

t.test('external mode: a full outbox leaves the message in mosquitto until there is room; nothing lost, nothing twice', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'isthmus-mqtt-ext-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const mosq = await startMosquitto({ dir, name: 'site' });
  t.teardown(() => mosq.stop());
  const hub = await startHub({ mqtt: { listen: '127.0.0.1:0', password: 'external-test' } });
  t.teardown(() => hub.close());
  const proxy = await CutProxy.start(hub.port);
  t.teardown(() => proxy.close());
  proxy.down(600_000); // the link is down from the start
  const edge = await startEdge(hub, 'edge-ext', {
    cloud: proxy.url, lanes: { events: { maxMessages: 2 } },
    mqtt: { broker: `mqtt://127.0.0.1:${mosq.port}` },
  });
  t.teardown(() => edge.close());
  const errors = mosquittoSub(mosq.port, { topics: ['isthmus/errors'] });
  const atCloud = mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/edge-ext/up/#'], user: 'isthmus', pass: 'external-test' });
  t.teardown(async () => { await errors.stop(); await atCloud.stop(); });
  await Promise.all([errors.ready, atCloud.ready]);

  for (const m of ['m1', 'm2', 'm3', 'm4']) {
    t.equal((await mosquittoPub(mosq.port, { topic: 'isthmus/up/jobs', qos: 1, message: m })).code, 0, `${m} accepted by mosquitto`);
  }
  await errors.waitFor((m) => m.length >= 1, 'a refusal record on the site broker');
  t.match(JSON.parse(errors.messages[0]!.payload), { code: 'QUEUE_FULL', topic: 'isthmus/up/jobs', clientId: 'isthmus-edge-edge-ext' });
  t.equal(edge.status().lanes.events.messages, 2, 'the edge outbox holds what it could take');
  t.notOk(edge.online);

  proxy.down(0); // the link comes back: the outbox drains, mosquitto redelivers the rest
  await atCloud.waitFor((m) => m.length >= 4, 'all four at the cloud', 30_000);
  await new Promise((r) => setTimeout(r, 300));
  t.same(atCloud.messages.map((m) => m.payload), ['m1', 'm2', 'm3', 'm4'], 'every message once, in order');
  await until(() => edge.mqtt!.stats().refusals.QUEUE_FULL! >= 1, 'refusal counted');
});
