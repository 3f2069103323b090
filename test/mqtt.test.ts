/**
 * The MQTT faces with real Mosquitto clients (mosquitto_pub / mosquitto_sub):
 * cloud face → link → edge's local broker and back, QoS 0 and 1, across link
 * cuts; retained state; refusals; topic isolation; receipts.
 */
import t, { type Test } from 'tap';
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { CutProxy } from './helpers/cut-proxy.js';
import { mosquittoPub, mosquittoSub, type Sub } from './helpers/mosquitto.js';
import type { CloudHub, EdgeHub } from '../index.js';

const PW = 'controller-secret';
const ctl = { user: 'isthmus', pass: PW };

async function tmp(t: Test): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'isthmus-mqtt-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function cloud(t: Test, mqtt: object = {}, opts: object = {}): Promise<CloudHub> {
  const dir = await tmp(t);
  const hub = await startHub({ dataDir: dir, mqtt: { listen: '127.0.0.1:0', password: PW, ...mqtt }, ...opts });
  t.teardown(() => hub.close());
  return hub;
}

function sub(t: Test, s: Sub): Sub {
  t.teardown(() => s.stop());
  return s;
}

const count = (msgs: { payload: string }[], p: string): number => msgs.filter((m) => m.payload === p).length;

t.test('mosquitto_pub at the cloud → mosquitto_sub at the edge and back, QoS 0 and 1, across link cuts: every message once', async (t) => {
  const hub = await cloud(t);
  const proxy = await CutProxy.start(hub.port);
  t.teardown(() => proxy.close());
  const edge = await startEdge(hub, 'edge-1', { cloud: proxy.url, dataDir: await tmp(t), mqtt: { listen: '127.0.0.1:0' } });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  const edgePort = edge.mqtt!.port;
  const cloudPort = hub.mqtt!.port;
  // Persistent sessions: the brokers keep QoS 1 messages for them if they blink.
  const atEdge = sub(t, mosquittoSub(edgePort, { topics: ['isthmus/down/#'], qos: 1, id: 'edge-app' }));
  const atCloud = sub(t, mosquittoSub(cloudPort, { topics: ['isthmus/nodes/+/up/#'], qos: 1, id: 'controller', ...ctl }));
  await Promise.all([atEdge.ready, atCloud.ready]);

  const sent = { down: [] as string[], up: [] as string[] };
  const round = async (name: string): Promise<void> => {
    for (const qos of [0, 1] as const) {
      const down = Array.from({ length: 40 }, (_, i) => `${name}-q${qos}-d${i}`);
      const up = Array.from({ length: 40 }, (_, i) => `${name}-q${qos}-u${i}`);
      const [pd, pu] = await Promise.all([
        mosquittoPub(cloudPort, { topic: `isthmus/nodes/edge-1/down/cmd/${name}`, qos, lines: down, ...ctl }),
        mosquittoPub(edgePort, { topic: `isthmus/up/telemetry/${name}`, qos, lines: up }),
      ]);
      t.equal(pd.code, 0, `cloud publish ${name} q${qos}: ${pd.stderr}`);
      t.equal(pu.code, 0, `edge publish ${name} q${qos}: ${pu.stderr}`);
      sent.down.push(...down);
      sent.up.push(...up);
    }
  };

  await round('before');
  proxy.down(60_000); // the link goes down: publishers on both sides are still acknowledged (durable outboxes)
  await until(() => !edge.online, 'edge offline');
  await round('during');
  t.notOk(edge.online, 'the link was down while both sides published');
  proxy.down(0);
  await edge.waitOnline();
  await round('after');
  proxy.cut('hub'); // a cut from the other side, with messages in flight
  await round('cut');

  await atEdge.waitFor((m) => m.length >= sent.down.length, `${sent.down.length} messages at the edge`);
  await atCloud.waitFor((m) => m.length >= sent.up.length, `${sent.up.length} messages at the cloud`);
  await new Promise((r) => setTimeout(r, 300)); // a late duplicate would show now
  t.equal(atEdge.messages.length, sent.down.length, 'no extra message at the edge');
  t.equal(atCloud.messages.length, sent.up.length, 'no extra message at the cloud');
  t.ok(sent.down.every((p) => count(atEdge.messages, p) === 1), 'every message from the cloud arrived exactly once');
  t.ok(sent.up.every((p) => count(atCloud.messages, p) === 1), 'every message from the edge arrived exactly once');
  t.ok(atEdge.messages.every((m) => m.topic.startsWith('isthmus/down/cmd/')), 'cloud topics map under isthmus/down/ at the edge');
  t.ok(atCloud.messages.every((m) => m.topic.startsWith('isthmus/nodes/edge-1/up/telemetry/')), 'edge topics map under isthmus/nodes/edge-1/up/ at the cloud');
  // Order holds per lane across the cuts.
  const downQ1 = atEdge.messages.filter((m) => m.payload.includes('-q1-')).map((m) => m.payload);
  t.same(downQ1, sent.down.filter((p) => p.includes('-q1-')), 'QoS 1 messages kept their order');
  const stats = edge.mqtt!.stats();
  t.match(stats.counters.find((c) => c.rule === 'up-0'), { direction: 'up', messages: sent.up.length, refused: 0 }, 'edge counts per rule: up');
  t.match(stats.counters.find((c) => c.rule === 'down-1'), { direction: 'down', messages: sent.down.length, refused: 0 }, 'edge counts per rule: down');
  t.equal(hub.mqtt!.stats().counters.find((c) => c.direction === 'down')?.messages, sent.down.length, 'cloud face counts what it carried down');
  t.ok(proxy.cuts >= 2, 'the link was cut');
});

t.test('retained state-lane topics: a new subscriber gets the newest state per topic, at both faces and after an edge restart', async (t) => {
  const hub = await cloud(t);
  const dataDir = await tmp(t);
  let edge: EdgeHub = await startEdge(hub, 'edge-r', { dataDir, mqtt: { listen: '127.0.0.1:0' } });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  for (const v of ['1', '2', '3']) {
    t.equal((await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-r/down/desired/fan', message: `speed-${v}`, retain: true, ...ctl })).code, 0);
    t.equal((await mosquittoPub(edge.mqtt!.port, { topic: 'isthmus/up/reported/temp', message: `t-${v}`, retain: true })).code, 0);
  }
  t.equal((await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-r/down/desired/light', message: 'on', retain: true, ...ctl })).code, 0);
  await until(() => edge.resources.get('desired/light') !== undefined, 'state at the edge');
  const lateCloud = sub(t, mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/edge-r/up/#'], ...ctl }));
  await lateCloud.waitFor((m) => m.length >= 1, 'retained at the cloud');
  const lateEdge = sub(t, mosquittoSub(edge.mqtt!.port, { topics: ['isthmus/down/#'] }));
  await lateEdge.waitFor((m) => m.length >= 2, 'retained at the edge');
  await new Promise((r) => setTimeout(r, 200));
  t.same(lateCloud.messages, [{ topic: 'isthmus/nodes/edge-r/up/reported/temp', payload: 't-3', retained: true, qos: 1 }], 'cloud: newest reported state only');
  t.same(lateEdge.messages.sort((a, b) => a.topic.localeCompare(b.topic)), [
    { topic: 'isthmus/down/desired/fan', payload: 'speed-3', retained: true, qos: 1 },
    { topic: 'isthmus/down/desired/light', payload: 'on', retained: true, qos: 1 },
  ], 'edge: newest desired state per topic');
  t.equal(edge.resources.get('desired/fan')?.lane, 'state', 'a retained publish rides the state lane');

  // An empty retained publish clears the topic on the far side (op delete on the state lane).
  t.equal((await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-r/down/desired/light', message: '', retain: true, ...ctl })).code, 0);
  await until(() => edge.resources.get('desired/light') === undefined, 'cleared in the resource cache');
  const afterClear = sub(t, mosquittoSub(edge.mqtt!.port, { topics: ['isthmus/down/#'] }));
  await afterClear.waitFor((m) => m.length >= 1, 'retained after the clear');
  await new Promise((r) => setTimeout(r, 200));
  t.same(afterClear.messages.map((m) => m.topic), ['isthmus/down/desired/fan'], 'the cleared topic is no longer retained at the edge');
  await afterClear.stop();

  // Restart the edge with the cloud gone: retained state comes back from the durable resource cache.
  await lateEdge.stop();
  await edge.close();
  await hub.close();
  edge = await startEdge(hub, 'edge-r', { dataDir, mqtt: { listen: '127.0.0.1:0' } });
  const afterRestart = sub(t, mosquittoSub(edge.mqtt!.port, { topics: ['isthmus/down/#'] }));
  await afterRestart.waitFor((m) => m.length >= 1, 'retained after restart');
  await new Promise((r) => setTimeout(r, 200));
  t.notOk(edge.online, 'offline: the state came from the edge\'s own store');
  t.same(afterRestart.messages.map((m) => [m.topic, m.payload]), [['isthmus/down/desired/fan', 'speed-3']]);
});

t.test('refusal: a full outbox is visible to an MQTT 3.1.1 publisher (no PUBACK, error record, connection closed)', async (t) => {
  const hub = await cloud(t, {}, { lanes: { events: { maxMessages: 3 } } });
  const errors = sub(t, mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/edge-x/errors'], ...ctl }));
  await errors.ready;
  // edge-x is offline: the lane fills at 3. Each PUBACK came once the message was durable.
  for (const m of ['a', 'b', 'c']) {
    t.equal((await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-x/down/cmd', qos: 1, message: m, ...ctl })).code, 0, `message ${m} accepted`);
  }
  const r = await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-x/down/cmd', qos: 1, message: 'd', ...ctl });
  t.not(r.code, 0, `mosquitto_pub failed: ${r.stderr}`);
  t.match(r.stderr, /connection was lost/i, 'the publisher saw its connection closed before any PUBACK');
  await errors.waitFor((m) => m.length >= 1, 'error record');
  const rec = JSON.parse(errors.messages[0]!.payload) as Record<string, unknown>;
  t.match(rec, { code: 'QUEUE_FULL', topic: 'isthmus/nodes/edge-x/down/cmd', qos: 1, messageId: Number, reason: /lane "events" is full/ });
  t.equal(hub.node('edge-x')!.lanes.events.messages, 3, 'what was acknowledged is queued; nothing more');
  t.equal(hub.mqtt!.stats().refusals.QUEUE_FULL, 1);

  // Bad input: not a node name, nothing after down/. QoS 0 is refused the same way.
  const bad = await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/Not_A_Node/down/x', qos: 0, message: 'x', ...ctl });
  t.equal(bad.code, 0, 'a QoS 0 publisher cannot wait for an ack...');
  const watcher = sub(t, mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/errors'], ...ctl }));
  await watcher.ready;
  await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/Not_A_Node/down/x', qos: 1, message: 'x', ...ctl });
  await watcher.waitFor((m) => m.length >= 1, 'invalid-node record');
  t.match(JSON.parse(watcher.messages[0]!.payload), { code: 'INVALID_MESSAGE', reason: /not a node name/ }, '...but the error record tells');
});

t.test('topic isolation: a node\'s credential reaches its own node\'s topics only', async (t) => {
  const hub = await cloud(t);
  const e1 = { user: 'edge-1', pass: hub.mintToken('edge-1') };
  // Wrong credentials are refused at CONNECT.
  const wrong = await mosquittoPub(hub.mqtt!.port, { topic: 'x', message: 'x', user: 'isthmus', pass: 'wrong' });
  t.not(wrong.code, 0, 'a wrong password is refused at CONNECT');
  t.match(wrong.stderr, /bad user name or password/i);
  const noCred = await mosquittoPub(hub.mqtt!.port, { topic: 'x', message: 'x' });
  t.not(noCred.code, 0, 'no credentials: refused');
  t.match(noCred.stderr, /not authori[sz]ed|bad user name/i);
  const tokenOfOther = await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-2/down/x', message: 'x', user: 'edge-2', pass: e1.pass });
  t.not(tokenOfOther.code, 0, 'a token used under another node\'s name is refused');

  const errs = sub(t, mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/edge-2/errors'], ...ctl }));
  await errs.ready;
  const cross = await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-2/down/x', qos: 1, message: 'x', ...e1 });
  t.not(cross.code, 0, 'edge-1 publishing under edge-2 is refused');
  await errs.waitFor((m) => m.length >= 1, 'forbidden record');
  t.match(JSON.parse(errs.messages[0]!.payload), { code: 'FORBIDDEN', clientId: String });
  t.notOk(hub.node('edge-2'), 'nothing was queued for edge-2');

  const wide = mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/+/up/#'], ...e1 });
  t.teardown(() => wide.stop());
  await t.rejects(wide.ready, /denied/, 'edge-1 subscribing to every node is denied (SUBACK 0x80)');

  const own = sub(t, mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/edge-1/up/#'], ...e1 }));
  await own.ready;
  const edge = await startEdge(hub, 'edge-1', { mqtt: { listen: '127.0.0.1:0' } });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  t.equal((await mosquittoPub(edge.mqtt!.port, { topic: 'isthmus/up/hello', message: 'mine' })).code, 0);
  await own.waitFor((m) => m.length >= 1, 'own topic');
  t.same(own.messages.map((m) => [m.topic, m.payload]), [['isthmus/nodes/edge-1/up/hello', 'mine']]);
  const ownDown = await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-1/down/note', message: 'self', ...e1 });
  t.equal(ownDown.code, 0, 'its own down topic is allowed');
  t.equal(hub.mqtt!.stats().refusals.FORBIDDEN, 1);
});

t.test('opt-in receipts: isthmus/nodes/NODE/receipts carries the ids the edge acknowledged', async (t) => {
  const hub = await cloud(t, { receipts: true });
  const receipts = sub(t, mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/edge-9/receipts'], ...ctl }));
  await receipts.ready;
  t.equal((await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-9/down/job', lines: ['1', '2'], id: 'ctl-7', ...ctl })).code, 0);
  await new Promise((r) => setTimeout(r, 200));
  t.equal(receipts.messages.length, 0, 'no receipt while the edge has not acknowledged');
  const edge = await startEdge(hub, 'edge-9');
  t.teardown(() => edge.close());
  const ids: string[] = [];
  edge.on('message', (m) => ids.push(m.id));
  await receipts.waitFor((m) => m.length >= 2, 'receipts');
  const recs = receipts.messages.map((m) => JSON.parse(m.payload) as Record<string, unknown>);
  t.match(recs, [
    { status: 'delivered', topic: 'isthmus/nodes/edge-9/down/job', clientId: 'ctl-7', messageId: Number, lane: 'events', seq: 1 },
    { status: 'delivered', seq: 2 },
  ]);
  t.same(recs.map((r) => r.id), ids, 'the receipt ids are the ids of the messages the edge got');
});

t.test('config validation names the key path', async (t) => {
  await t.rejects(startHub({ mqtt: { listen: '127.0.0.1:0', qos: 2 as 0 } }), /mqtt\.qos must be 0 or 1, got 2/);
  const hub = await startHub();
  t.teardown(() => hub.close());
  await t.rejects(startEdge(hub, 'e', { mqtt: { rules: [{ direction: 'up', filter: 'a/#' }, { direction: 'up', filter: 'b' }, { direction: 'sideways' as 'up', filter: 'c' }] } }),
    /mqtt\.rules\[2\]\.direction must be "up" or "down", got "sideways"/);
  await t.rejects(startEdge(hub, 'e', { mqtt: { rules: [{ direction: 'up', filter: 'a/#/b' }] } }), /mqtt\.rules\[0\]\.filter "a\/#\/b": # must be a whole level and the last one/);
  await t.rejects(startEdge(hub, 'e', { mqtt: { rules: [{ direction: 'down', filter: '#', localPrefix: 'x' }] } }), /mqtt\.rules\[0\]\.localPrefix must end with "\/"/);
  await t.rejects(startEdge(hub, 'e', { mqtt: { listen: '127.0.0.1:0', brokr: 'x' } as never }), /mqtt\.brokr is not an option/);
  await t.rejects(startEdge(hub, 'e', { mqtt: { broker: 'http://x' } }), /mqtt\.broker "http:\/\/x" must start with mqtt:\/\//);
});

t.test('a packet announcing more than the limit closes the connection before it is buffered', async (t) => {
  const hub = await cloud(t, {}, { limits: { maxPayloadBytes: 64 * 1024 } });
  const sock = net.connect(hub.mqtt!.port, '127.0.0.1');
  await new Promise((r) => sock.once('connect', r));
  const closed = new Promise((r) => sock.once('close', r));
  sock.on('error', () => {});
  // A CONNECT whose fixed header announces 200 MB (varint 0x80 0x84 0xaf 0x5f); no body follows.
  sock.write(Buffer.from([0x10, 0x80, 0x84, 0xaf, 0x5f]));
  await closed;
  t.equal(hub.mqtt!.stats().refusals.PACKET_TOO_LARGE, 1, 'closed by the size guard, not by a timeout');
  // A publish just over the limit from a real client: refused the same way.
  const big = await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-1/down/blob', message: 'x'.repeat(64 * 1024 + 70_000), ...ctl });
  t.not(big.code, 0, 'mosquitto_pub saw its connection closed');
  t.equal(hub.mqtt!.stats().refusals.PACKET_TOO_LARGE, 2);
  t.notOk(hub.node('edge-1'), 'nothing was queued');
  // Within the limit all is well.
  t.equal((await mosquittoPub(hub.mqtt!.port, { topic: 'isthmus/nodes/edge-1/down/blob', message: 'x'.repeat(60 * 1024), ...ctl })).code, 0);
});

t.test('the edge broker\'s optional per-client credentials', async (t) => {
  const hub = await cloud(t);
  const edge = await startEdge(hub, 'edge-u', { mqtt: { listen: '127.0.0.1:0', users: { sensor: 'pw-sensor', gateway: 'pw-gw' } } });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  const port = edge.mqtt!.port;
  const none = await mosquittoPub(port, { topic: 'isthmus/up/x', message: 'x' });
  t.not(none.code, 0, 'anonymous refused once users are set');
  const wrong = await mosquittoPub(port, { topic: 'isthmus/up/x', message: 'x', user: 'sensor', pass: 'pw-gw' });
  t.match(wrong.stderr, /bad user name or password/i, 'another user\'s password is refused');
  const atCloud = sub(t, mosquittoSub(hub.mqtt!.port, { topics: ['isthmus/nodes/edge-u/up/#'], ...ctl }));
  await atCloud.ready;
  t.equal((await mosquittoPub(port, { topic: 'isthmus/up/x', message: 'ok', user: 'sensor', pass: 'pw-sensor' })).code, 0);
  await atCloud.waitFor((m) => m.length >= 1, 'the authenticated publish');
  t.same(atCloud.messages.map((m) => m.payload), ['ok']);
});

t.test('QoS 2: a retransmitted PUBLISH (DUP) is carried once', async (t) => {
  const hub = await cloud(t);
  const { generate, parser } = await import('mqtt-packet');
  const sock = net.connect(hub.mqtt!.port, '127.0.0.1');
  t.teardown(() => sock.destroy());
  const p = parser();
  const packets: { cmd: string }[] = [];
  p.on('packet', (pk: { cmd: string }) => packets.push(pk));
  sock.on('data', (d) => p.parse(d));
  await new Promise((r) => sock.once('connect', r));
  sock.write(generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId: 'qos2', keepalive: 30, username: ctl.user, password: Buffer.from(ctl.pass) }));
  const publish = { cmd: 'publish' as const, topic: 'isthmus/nodes/edge-q/down/once', payload: Buffer.from('x'), qos: 2 as const, messageId: 7, retain: false };
  sock.write(generate({ ...publish, dup: false }));
  await until(() => packets.some((pk) => pk.cmd === 'pubrec'), 'PUBREC');
  sock.write(generate({ ...publish, dup: true })); // as a client does when the PUBREC seems lost
  await until(() => packets.filter((pk) => pk.cmd === 'pubrec').length === 2, 'second PUBREC');
  sock.write(generate({ cmd: 'pubrel', messageId: 7 }));
  await until(() => packets.some((pk) => pk.cmd === 'pubcomp'), 'PUBCOMP');
  t.equal(hub.node('edge-q')!.lanes.events.messages, 1, 'queued once for the edge');
});
