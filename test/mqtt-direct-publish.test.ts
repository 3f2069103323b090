/**
 * The broker's own publishes (what came over the link) skip aedes.publish()'s
 * queueing steps only while no persistent session is subscribed: a client
 * with clean session false must still get what was published while it was
 * away, once, and retained messages must still be stored. Real mqtt.js
 * clients against the embedded broker.
 */
import t from 'tap';
import mqtt, { type MqttClient } from 'mqtt';
import { MqttBroker } from '../mqtt/index.js';
import { createLogger } from '../link/index.js';

async function broker(t: Tap.Test): Promise<MqttBroker<string>> {
  const b = await MqttBroker.start<string>({
    host: '127.0.0.1', port: 0, log: createLogger('silent', 'test'), maxPacketBytes: 1 << 20,
    hooks: { authenticate: () => 'x', publish: () => {}, forbidSubscribe: () => null, errorsTopic: () => 'errors' },
  });
  t.teardown(() => b.close());
  return b;
}

interface Sub { c: MqttClient; got: string[] }

async function subscriber(url: string, clientId: string, clean: boolean, qos: 0 | 1 = 1): Promise<Sub> {
  const c = await mqtt.connectAsync(url, { clientId, clean, reconnectPeriod: 0 });
  const got: string[] = [];
  c.on('message', (topic, payload) => got.push(`${topic}=${payload.toString()}`));
  await c.subscribeAsync('d/#', { qos });
  return { c, got };
}

/** Resolves once every subscriber has n messages, or after 5 s (the assertions that follow then say what is missing). */
function until(subs: Sub[], n: number): Promise<void> {
  const end = Date.now() + 5_000;
  return new Promise((resolve) => {
    const check = (): void => { if (subs.every((s) => s.got.length >= n) || Date.now() > end) resolve(); else setTimeout(check, 5); };
    check();
  });
}

function forward(b: MqttBroker<string>, topic: string, text: string, retain = false): Promise<void> {
  return new Promise((resolve, reject) => b.forward(topic, Buffer.from(text), 1, retain, (err) => (err ? reject(err) : resolve())));
}

t.test('clean-session subscribers get the broker\'s publishes by the direct path, at their QoS, with aedes\' publish event', async (t) => {
  const b = await broker(t);
  const q1 = await subscriber(b.url, 'q1', true, 1);
  const q0 = await subscriber(b.url, 'q0', true, 0);
  t.teardown(() => Promise.all([q1.c.endAsync(), q0.c.endAsync()]));
  const events: string[] = [];
  b.aedes.on('publish', (packet, client) => { if (!client && packet.topic.startsWith('d/')) events.push(packet.topic); });
  const before = b.directPublishes;
  for (let i = 0; i < 5; i++) await forward(b, `d/${i}`, `m${i}`);
  await until([q1, q0], 5);
  const want = [0, 1, 2, 3, 4].map((i) => `d/${i}=m${i}`);
  t.same(q1.got, want, 'QoS 1 subscriber: every message once, in order');
  t.same(q0.got, want, 'QoS 0 subscriber too');
  t.equal(b.directPublishes - before, 5, 'no persistent session: all five went direct');
  t.same(events, ['d/0', 'd/1', 'd/2', 'd/3', 'd/4'], 'the publish event still fires');
});

t.test('a persistent session gets what was published while it was away, once; the direct path resumes once its session is wiped', async (t) => {
  const b = await broker(t);
  const live = await subscriber(b.url, 'live', true);
  t.teardown(() => live.c.endAsync());
  const away = await subscriber(b.url, 'away', false);
  await away.c.endAsync();

  const before = b.directPublishes;
  for (let i = 0; i < 3; i++) await forward(b, `d/q${i}`, `q${i}`);
  await until([live], 3);
  t.equal(b.directPublishes, before, 'a persistent QoS 1 subscription exists: the full path queues for it');

  const back = await mqtt.connectAsync(b.url, { clientId: 'away', clean: false, reconnectPeriod: 0 });
  const got: string[] = [];
  back.on('message', (topic, payload) => got.push(`${topic}=${payload.toString()}`));
  await until([{ c: back, got }], 3);
  await forward(b, 'd/online', 'o'); // the session is online now: delivered live, not again from the queue
  await until([{ c: back, got }, live], 4);
  await new Promise((r) => setTimeout(r, 100)); // room for a duplicate to show
  t.same(got, ['d/q0=q0', 'd/q1=q1', 'd/q2=q2', 'd/online=o'], 'queued while away, delivered once on return, then live');
  await back.endAsync();

  // The same client id with clean session true wipes the stored session: nothing persistent remains.
  const wiped = await mqtt.connectAsync(b.url, { clientId: 'away', clean: true, reconnectPeriod: 0 });
  await wiped.endAsync();
  const mark = b.directPublishes;
  await forward(b, 'd/after', 'a');
  await until([live], 5);
  t.equal(b.directPublishes - mark, 1, 'session wiped: direct again');
  t.same(live.got.slice(-1), ['d/after=a']);
});

t.test('a retained publish takes the full path: a later subscriber gets the newest state', async (t) => {
  const b = await broker(t);
  const before = b.directPublishes;
  await forward(b, 'd/state', 'old', true);
  await forward(b, 'd/state', 'new', true);
  t.equal(b.directPublishes, before, 'retained: not direct');
  const late = await subscriber(b.url, 'late', true);
  t.teardown(() => late.c.endAsync());
  await until([late], 1);
  t.same(late.got, ['d/state=new']);
});
