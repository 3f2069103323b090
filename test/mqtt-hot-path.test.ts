/**
 * The MQTT faces' per-message helpers: the topic matcher and the node topic
 * parser against their plain definitions, and the broker's write hold, which
 * must deliver a burst whole and in order with one socket write per
 * subscriber instead of one per message, and never hold a lone message.
 */
import t from 'tap';
import net from 'node:net';
import mqtt from 'mqtt';
import { topicMatches } from '../mqtt/index.js';
import { WriteHold } from '../mqtt/write-hold.js';
import { parseNodeTopic } from '../cloudhub/mqtt-topics.js';
import { countBrokerWrites, plainBroker } from './helpers/broker-writes.js';

/** The definition: split both on '/', '+' one level, '#' the rest and the parent. */
function reference(filter: string, topic: string): boolean {
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const f = filter.split('/');
  const tp = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= tp.length) return false;
    if (f[i] !== '+' && f[i] !== tp[i]) return false;
  }
  return f.length === tp.length;
}

t.test('topicMatches agrees with the definition on every pair of a varied set', async (t) => {
  const topics = ['a', 'a/b', 'a/b/c', 'a/', '/a', '/', '', 'ab', 'a/bc', 'a/b/', 'b/a', '$SYS/x', '$SYS', 'isthmus/down/x', 'isthmus/up', 'a//b'];
  const filters = ['#', '+', 'a', 'a/#', 'a/+', 'a/+/c', '+/+', '+/b', 'a/b', 'a/b/#', '/#', '+/#', 'a//b', 'a/+/', '$SYS/#', 'ab/#', 'isthmus/down/#', 'isthmus/+/x', '/+'];
  let n = 0;
  for (const f of filters) {
    for (const topic of topics) {
      if (topicMatches(f, topic) !== reference(f, topic)) t.fail(`filter ${JSON.stringify(f)} topic ${JSON.stringify(topic)}: ${topicMatches(f, topic)}`);
      n++;
    }
  }
  t.equal(n, filters.length * topics.length);
  t.ok(topicMatches('a/#', 'a'), '# matches the parent level');
  t.notOk(topicMatches('a/+', 'a'), '+ needs a level');
  t.ok(topicMatches('a/+', 'a/'), '+ matches an empty level');
  t.notOk(topicMatches('#', '$SYS/x'), 'wildcards do not reach $ topics');
});

t.test('parseNodeTopic splits node, section and the rest', async (t) => {
  t.same(parseNodeTopic('isthmus/nodes/n1/down/a/b/c'), { node: 'n1', section: 'down', rest: 'a/b/c' });
  t.same(parseNodeTopic('isthmus/nodes/n1/down/x'), { node: 'n1', section: 'down', rest: 'x' });
  t.same(parseNodeTopic('isthmus/nodes/n1/down/'), { node: 'n1', section: 'down', rest: '' });
  t.same(parseNodeTopic('isthmus/nodes/n1/down'), { node: 'n1', section: 'down', rest: '' });
  t.same(parseNodeTopic('isthmus/nodes/n1/errors'), { node: 'n1', section: 'errors', rest: '' });
  t.same(parseNodeTopic('isthmus/nodes/n1'), { node: 'n1', section: '', rest: '' });
  t.same(parseNodeTopic('isthmus/nodes/'), { node: '', section: '', rest: '' });
  t.same(parseNodeTopic('isthmus/nodes//down/x'), { node: '', section: 'down', rest: 'x' });
  t.equal(parseNodeTopic('isthmus/node/n1/down/x'), null);
  t.equal(parseNodeTopic('other'), null);
});

t.test('a burst of publishes reaches each subscriber whole, in order, in one socket write; a lone one is not held', async (t) => {
  const count = countBrokerWrites(t);
  const broker = await plainBroker(t);
  const subs = await Promise.all([0, 1].map(async (i) => {
    const c = await mqtt.connectAsync(broker.url, { clientId: `sub-${i}`, reconnectPeriod: 0 });
    await c.subscribeAsync('d/#', { qos: 1 });
    const got: string[] = [];
    c.on('message', (_topic, payload) => got.push(payload.toString()));
    return { c, got };
  }));
  t.teardown(() => Promise.all(subs.map((s) => s.c.endAsync())));

  const N = 200;
  const all = (n: number): Promise<void> => new Promise((resolve) => {
    const check = (): void => { if (subs.every((s) => s.got.length >= n)) resolve(); else setTimeout(check, 5); };
    check();
  });
  count.reset();
  for (let i = 0; i < N; i++) broker.forward(`d/${i}`, Buffer.from(`m${i}`), 1, false, () => {});
  await all(N);
  const expected = Array.from({ length: N }, (_, i) => `m${i}`);
  for (const s of subs) t.same(s.got, expected, 'every message, in order');
  t.ok(count.writes <= 2 * 2, `${N} messages to 2 subscribers took ${count.writes} socket writes (one per subscriber expected)`);

  // A lone message is written at once, and nothing stays corked after a burst.
  count.reset();
  await broker.publish('d/lone', Buffer.from('lone'), 1, false);
  await all(N + 1);
  for (const s of subs) t.equal(s.got.at(-1), 'lone');
  t.equal(count.writes, 2, 'one write per subscriber');
  for (const s of subs) t.equal(s.got.length, N + 1, 'no duplicate');

  // A subscriber that leaves mid-burst does not stop the others getting theirs.
  const leaving = subs[1]!;
  for (let i = 0; i < N; i++) broker.forward(`d/again/${i}`, Buffer.from(`a${i}`), 1, false, () => {});
  leaving.c.stream.destroy();
  await new Promise<void>((resolve) => { const check = (): void => { if (subs[0]!.got.length >= 2 * N + 1) resolve(); else setTimeout(check, 5); }; check(); });
  t.same(subs[0]!.got.slice(N + 1), Array.from({ length: N }, (_, i) => `a${i}`));
});

t.test('a held socket flushed before it is destroyed still delivers what it held (a refusal record before the close)', async (t) => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  t.teardown(() => server.close());
  const port = (server.address() as net.AddressInfo).port;
  const run = async (flush: boolean): Promise<string> => {
    const accepted = new Promise<net.Socket>((r) => server.once('connection', r));
    const peer = net.connect(port, '127.0.0.1');
    const got = new Promise<string>((resolve) => {
      let data = '';
      peer.on('data', (d) => { data += d.toString(); });
      peer.on('close', () => resolve(data));
    });
    const sock = await accepted;
    const hold = new WriteHold();
    hold.watch(sock);
    hold.publishing();
    hold.publishing(); // a burst: writes are held from here
    sock.write('record');
    if (flush) hold.flush(sock);
    sock.destroy();
    return got;
  };
  t.equal(await run(true), 'record', 'flushed: the bytes went out before the close');
  t.equal(await run(false), '', 'not flushed: destroy() discards what the cork held (why refusals flush)');
});
