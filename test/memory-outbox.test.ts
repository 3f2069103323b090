import t from 'tap';
import { lanePolicies, MemoryOutbox, QueueFullError, type DropReason } from '../link/index.js';
import { pb } from '../proto/index.js';

const now = 1_700_000_000_000;
const m = (key: string, n: number, extra: object = {}) => ({ id: `${key}${n}`, key, createdAt: now, payload: Buffer.alloc(100, n), ...extra });
const seqs = (o: MemoryOutbox, lane: number, after = 0) => o.pending(lane, after, 1e6, 1e9, now).map((e) => e.seq);

function withDrops(o: MemoryOutbox): Array<[number, number, DropReason]> {
  const drops: Array<[number, number, DropReason]> = [];
  o.onDrop((lane, seq, reason) => drops.push([lane, seq, reason]));
  return drops;
}

t.test('state lane coalesces by key: the newest of each key stays', async (t) => {
  const o = new MemoryOutbox(lanePolicies());
  const drops = withDrops(o);
  for (let i = 0; i < 1000; i++) o.append(1, m(`k${i % 10}`, i));
  const pending = o.pending(1, 0, 1e6, 1e9, now);
  t.equal(pending.length, 10, 'one per key');
  t.same(pending.map((e) => pb.Message.decode(e.bytes).id), Array.from({ length: 10 }, (_, i) => `k${i}${990 + i}`), 'the newest of each');
  t.equal(drops.filter((d) => d[2] === 'superseded').length, 990, 'every superseded one reported');
  t.equal(o.depth(1).messages, 10);
});

t.test('reject names the bound; drop-oldest and drop-newest report what they drop', async (t) => {
  const o = new MemoryOutbox(lanePolicies({
    control: { maxMessages: 2 },
    events: { maxBytes: 500 },
    bulk: { maxMessages: 3, overflow: 'drop-oldest' },
    state: { maxMessages: 1, overflow: 'drop-newest', coalesce: false },
  }));
  const drops = withDrops(o);
  o.append(0, m('a', 1));
  o.append(0, m('a', 2));
  const full = t.throws(() => o.append(0, m('a', 3))) as QueueFullError;
  t.ok(full instanceof QueueFullError);
  t.match(full, { code: 'QUEUE_FULL', lane: 'control', bound: 'messages', limit: 2 });
  t.throws(() => { for (let i = 0; i < 10; i++) o.append(2, m('e', i)); }, /lane "events" is full: bytes bound of 500/);
  for (let i = 0; i < 5; i++) o.append(3, m('b', i));
  t.same(seqs(o, 3), [3, 4, 5], 'bulk kept the newest three');
  t.same(drops.filter((d) => d[0] === 3), [[3, 1, 'overflow'], [3, 2, 'overflow']]);
  t.equal(o.append(1, m('s', 1)).seq, 1);
  t.equal(o.append(1, m('s', 2)).seq, 0, 'drop-newest refuses the new one');
  t.same(drops.at(-1), [1, 0, 'overflow']);
});

t.test('expired messages are never handed out and are counted', async (t) => {
  const o = new MemoryOutbox(lanePolicies({ events: { ttlMs: 1000 } }));
  const drops = withDrops(o);
  o.append(2, m('x', 1, { expiresAt: now - 1 }));
  o.append(2, m('x', 2));
  o.append(2, m('x', 3, { createdAt: now - 5000 }));
  t.same(seqs(o, 2), [2], 'per-message expiry and the lane default both apply');
  t.same(drops, [[2, 1, 'ttl'], [2, 3, 'ttl']]);
});

t.test('pending starts after a seq; ack forgets; depth counts bytes and age', async (t) => {
  const o = new MemoryOutbox(lanePolicies());
  for (let i = 1; i <= 5; i++) o.append(2, m('e', i, { createdAt: now + i }));
  t.same(seqs(o, 2, 2), [3, 4, 5]);
  t.same(o.pending(2, 0, 2, 1e9, now).map((e) => e.seq), [1, 2], 'count limit');
  t.same(o.pending(2, 0, 10, 1, now).map((e) => e.seq), [1], 'byte limit still yields one');
  o.ack(2, 3);
  t.same(seqs(o, 2), [4, 5]);
  t.match(o.depth(2), { messages: 2, oldestAt: now + 4 });
  t.ok(o.depth(2).bytes > 200);
  t.equal(o.lastSeq(2), 5);
  t.not(new MemoryOutbox(lanePolicies()).epoch, o.epoch, 'each store instance has its own epoch');
});

t.test('a message larger than its lane is refused and drops nothing; drop-oldest on a coalescing lane ends', async (t) => {
  const o = new MemoryOutbox(lanePolicies({ state: { maxBytes: 1000, overflow: 'drop-oldest', coalesce: true } }));
  const drops = withDrops(o);
  o.append(1, m('k', 1));
  t.throws(() => o.append(1, m('k', 2, { payload: Buffer.alloc(2000) })), /lane "state" cannot take a message of \d+ bytes: its bytes bound is 1000/);
  t.same(seqs(o, 1), [1], 'the queued message is still there');
  t.same(drops, [], 'nothing dropped');
  for (let i = 0; i < 50; i++) o.append(1, m(`k${i}`, i, { payload: Buffer.alloc(300) })); // each one pushes older ones out
  t.ok(o.depth(1).bytes <= 1000, 'within the bound');
  t.ok(drops.filter((d) => d[2] === 'overflow').length > 0, 'oldest dropped, by reason');
});
