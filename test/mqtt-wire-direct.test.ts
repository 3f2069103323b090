/**
 * The brokers' direct PUBLISH encoding and decoding (mqtt/publish-write.ts,
 * mqtt/publish-parse.ts) against mqtt-packet, the library they stand in
 * front of: the same bytes out, the same packets in, for varied packets and
 * for streams cut into chunks at every kind of boundary; and through a real
 * broker with real clients, where only the brokers' sockets take the direct
 * path.
 */
import t from 'tap';
import mqttPacket from 'mqtt-packet';
import mqtt from 'mqtt';
import type { Client } from 'aedes';
import { encodePublish, SINGLE_WRITE_MAX_PAYLOAD } from '../mqtt/publish-write.js';
import { decodePublish, parsePublishDirect } from '../mqtt/publish-parse.js';
import { MqttBroker } from '../mqtt/index.js';
import { createLogger } from '../link/index.js';
import { countBrokerWrites, plainBroker } from './helpers/broker-writes.js';

/** A small deterministic generator, so that a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOPICS = ['a', 'isthmus/down/bench', 'x/'.repeat(40) + 'y', 'größe/ü/日本', '', 'a'.repeat(200)];

function publishPacket(r: () => number, maxPayload = 300): mqttPacket.IPublishPacket {
  const qos = Math.floor(r() * 3) as 0 | 1 | 2;
  const sizes = [0, 1, 64, 120, 125, 126, 127, 128, 16_380, maxPayload];
  const size = r() < 0.5 ? sizes[Math.floor(r() * sizes.length)]! : Math.floor(r() * maxPayload);
  const payload = Buffer.alloc(Math.min(size, maxPayload));
  for (let i = 0; i < payload.length; i++) payload[i] = Math.floor(r() * 256);
  return {
    cmd: 'publish', topic: TOPICS[Math.floor(r() * TOPICS.length)]!, payload, qos, dup: r() < 0.3, retain: r() < 0.3,
    ...(qos > 0 ? { messageId: 1 + Math.floor(r() * 65_535) } : {}),
  };
}

t.test('encodePublish writes the bytes mqtt-packet generates, and declines what it leaves to mqtt-packet', async (t) => {
  const r = rng(1);
  for (let n = 0; n < 2000; n++) {
    const p = publishPacket(r, SINGLE_WRITE_MAX_PAYLOAD);
    const mine = encodePublish(p);
    if (!mine) { t.fail(`declined ${JSON.stringify({ ...p, payload: p.payload.length })}`); continue; }
    const theirs = mqttPacket.generate(p);
    if (!mine.equals(theirs)) t.fail(`packet ${n} differs: ${JSON.stringify({ ...p, payload: p.payload.length })}`);
  }
  // Remaining lengths on both sides of the length field's first boundary, and at the payload limit.
  for (const size of [0, 121, 122, 123, 124, SINGLE_WRITE_MAX_PAYLOAD]) {
    const p = { cmd: 'publish' as const, topic: 'ab', payload: Buffer.alloc(size, 7), qos: 1 as const, dup: false, retain: false, messageId: 258 };
    t.same(encodePublish(p), mqttPacket.generate(p), `payload of ${size} bytes`);
  }
  t.equal(encodePublish({ cmd: 'publish', topic: 'a', payload: Buffer.alloc(SINGLE_WRITE_MAX_PAYLOAD + 1), qos: 0 }), null, 'a large payload keeps the writev (no copy)');
  t.equal(encodePublish({ cmd: 'publish', topic: 'a', payload: 'text', qos: 0 }), null, 'a string payload goes to mqtt-packet');
  t.equal(encodePublish({ cmd: 'publish', topic: 'a', payload: Buffer.alloc(1), qos: 1 }), null, 'QoS 1 without a message id: mqtt-packet rejects it');
  t.equal(encodePublish({ cmd: 'publish', topic: 'a', payload: Buffer.alloc(1), qos: 3 as 0 }), null, 'QoS 3');
});

/** The packets a parser emits for the given chunks. */
function parseAll(chunks: Buffer[], direct: boolean): unknown[] {
  const parser = mqttPacket.parser();
  const out: unknown[] = [];
  parser.on('packet', (p) => out.push({ ...p }));
  parser.on('error', (err) => out.push({ error: err.message }));
  if (direct) parsePublishDirect({ _parser: parser } as unknown as Client);
  for (const c of chunks) parser.parse(c);
  return out;
}

t.test('the direct decoding emits the packets mqtt-packet parses, for any cut of the stream', async (t) => {
  const r = rng(2);
  for (let round = 0; round < 300; round++) {
    const packets: Buffer[] = [];
    const n = 1 + Math.floor(r() * 12);
    for (let i = 0; i < n; i++) {
      const k = r();
      if (k < 0.7) packets.push(mqttPacket.generate(publishPacket(r, 20_000)));
      else if (k < 0.8) packets.push(mqttPacket.generate({ cmd: 'puback', messageId: 1 + Math.floor(r() * 1000) }));
      else if (k < 0.9) packets.push(mqttPacket.generate({ cmd: 'pingreq' }));
      else packets.push(mqttPacket.generate({ cmd: 'subscribe', messageId: 7, subscriptions: [{ topic: 'a/#', qos: 1 }] }));
    }
    const stream = Buffer.concat(packets);
    // Cut into chunks: whole packets, random cuts, single bytes.
    const mode = round % 3;
    const chunks: Buffer[] = [];
    if (mode === 0) chunks.push(...packets);
    else {
      let at = 0;
      while (at < stream.length) {
        const step = mode === 1 ? 1 + Math.floor(r() * 200) : 1 + Math.floor(r() * 3);
        chunks.push(stream.subarray(at, at + step));
        at += step;
      }
    }
    const want = parseAll(chunks, false);
    const got = parseAll(chunks, true);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      t.fail(`round ${round} (cut mode ${mode}): ${JSON.stringify(got).slice(0, 300)} vs ${JSON.stringify(want).slice(0, 300)}`);
    }
  }
  t.pass('300 streams');
});

t.test('malformed PUBLISH packets are left to mqtt-packet, which judges them as before', async (t) => {
  const cases: Array<[string, Buffer]> = [
    ['QoS 3', Buffer.from([0x36, 0x05, 0x00, 0x01, 0x61, 0x00, 0x01])],
    ['a topic longer than the packet', Buffer.from([0x30, 0x03, 0x00, 0x09, 0x61])],
    ['QoS 1 without room for the message id', Buffer.from([0x32, 0x03, 0x00, 0x01, 0x61])],
    ['a five-byte length', Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01])],
    ['a length below the topic field', Buffer.from([0x30, 0x01, 0x00])],
  ];
  for (const [name, bytes] of cases) {
    t.equal(decodePublish(bytes, 0), null, `${name}: not decoded directly`);
    t.same(parseAll([bytes], true), parseAll([bytes], false), `${name}: the same outcome as mqtt-packet`);
  }
});

t.test('through a broker: QoS 0, 1 and 2 publishes arrive whole, in order, and clients in the same process keep mqtt-packet', async (t) => {
  const seen: Array<{ topic: string; payload: string; qos: number; retain: boolean }> = [];
  const broker = await MqttBroker.start<string>({
    host: '127.0.0.1', port: 0, log: createLogger('silent', 'test'), maxPacketBytes: 1 << 20,
    hooks: {
      authenticate: () => 'x',
      publish: (_id, p) => { seen.push({ topic: p.topic, payload: (p.payload as Buffer).toString(), qos: p.qos, retain: p.retain }); },
      forbidSubscribe: () => null, errorsTopic: () => 'errors',
    },
  });
  t.teardown(() => broker.close());
  const sub = await mqtt.connectAsync(broker.url, { clientId: 'sub', reconnectPeriod: 0 });
  t.teardown(() => sub.endAsync());
  const got: string[] = [];
  sub.on('message', (topic, payload, packet) => got.push(`${topic} ${payload.toString()} q${packet.qos}`));
  await sub.subscribeAsync('t/#', { qos: 2 });
  const pub = await mqtt.connectAsync(broker.url, { clientId: 'pub', reconnectPeriod: 0 });
  t.teardown(() => pub.endAsync());
  const sent: string[] = [];
  const all: Array<Promise<unknown>> = [];
  for (let i = 0; i < 300; i++) {
    const qos = (i % 3) as 0 | 1 | 2;
    const payload = i % 50 === 0 ? 'z'.repeat(70_000 + i) : `m${i}-é`;
    sent.push(`t/${i % 7} ${payload} q${qos}`);
    all.push(pub.publishAsync(`t/${i % 7}`, payload, { qos, retain: i === 299 }));
  }
  await Promise.all(all);
  const end = Date.now() + 5000;
  while (got.length < sent.length && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  // aedes routes a QoS 1 PUBLISH after its PUBACK's write and a QoS 2 one after storing it, so
  // the QoS levels may pass each other; within one the order holds.
  t.same([...got].sort(), [...sent].sort(), 'every message once, at its QoS');
  for (const q of [0, 1, 2]) {
    const mine = sent.filter((_, i) => i % 3 === q);
    t.same(got.filter((g) => mine.includes(g)), mine, `in order among the QoS ${q} publishes`);
  }
  t.equal(seen.length, 300, 'the publish hook saw each PUBLISH once');
  t.same(seen[1], { topic: 't/1', payload: 'm1-é', qos: 1, retain: false });
  t.same(seen[299], { topic: 't/5', payload: 'm299-é', qos: 2, retain: true });
  const late = await mqtt.connectAsync(broker.url, { clientId: 'late', reconnectPeriod: 0 });
  t.teardown(() => late.endAsync());
  const retained = new Promise<string>((resolve) => late.on('message', (topic, payload, packet) => resolve(`${topic} ${payload.toString()} ${packet.retain}`)));
  await late.subscribeAsync('t/5', { qos: 1 });
  t.equal(await retained, 't/5 m299-é true', 'the retained message reaches a new subscriber');
});

t.test('a QoS 1 delivery to a clean session is written in the publish\'s turn; a persistent session keeps aedes\' deferred path', async (t) => {
  const count = countBrokerWrites(t);
  const broker = await plainBroker(t);
  const subscriber = async (clientId: string, clean: boolean): Promise<{ c: mqtt.MqttClient; got: string[] }> => {
    const c = await mqtt.connectAsync(broker.url, { clientId, clean, reconnectPeriod: 0 });
    const got: string[] = [];
    c.on('message', (_topic, payload, packet) => got.push(`${payload.toString()}#${packet.messageId}`));
    await c.subscribeAsync('d/#', { qos: 1 });
    return { c, got };
  };
  const until = async (s: { got: string[] }, n: number): Promise<void> => {
    const end = Date.now() + 5000;
    while (s.got.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  };

  const clean = await subscriber('clean', true);
  t.teardown(() => clean.c.endAsync());
  count.reset();
  broker.forward('d/1', Buffer.from('one'), 1, false, () => {});
  t.equal(count.writes, 1, 'written before forward() returned');
  broker.forward('d/2', Buffer.from('two'), 1, false, () => {});
  await until(clean, 2);
  const ids = clean.got.map((g) => Number(g.split('#')[1]));
  t.same(clean.got.map((g) => g.split('#')[0]), ['one', 'two'], 'both, in order');
  t.ok(ids[0]! > 0 && ids[1] === (ids[0]! >= 65535 ? 1 : ids[0]! + 1), `consecutive message ids (${ids.join(', ')})`);

  const kept = await subscriber('kept', false);
  t.teardown(() => kept.c.endAsync());
  count.reset();
  broker.forward('d/3', Buffer.from('three'), 1, false, () => {});
  t.equal(count.writes, 0, 'with a persistent session subscribed, aedes.publish() queues for it first: nothing is written in the turn');
  await until(kept, 1);
  await until(clean, 3);
  t.same(kept.got.map((g) => g.split('#')[0]), ['three'], 'the persistent session got it through aedes\' own path');
  t.equal(clean.got.at(-1)?.split('#')[0], 'three');
});
