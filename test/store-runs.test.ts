/**
 * The LMDB outbox keeps a lane's appends of one turn as one record (a run):
 * restarts, drops inside a written run, acks and read-back must see exactly
 * the messages that are still queued, each once, in order.
 */
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { encodeMessage, pb } from '../proto/index.js';
import { ARENA_BYTES, RecordArena } from '../link/lmdb-arena.js';
import { LmdbStore, lanePolicies, type Outbox } from '../link/index.js';

const dir = (name: string) => mkdtempSync(join(tmpdir(), `isthmus-runs-${name}-`));
const EVENTS = 2;
const BULK = 3;

/** Appends n messages in one turn (one run per lane) and waits until they are durable. */
async function burst(outbox: Outbox, lane: number, from: number, n: number, bytes = 100): Promise<number[]> {
  const results = Array.from({ length: n }, (_, i) => outbox.append(lane, { id: `m${from + i}`, key: '', createdAt: Date.now(), payload: Buffer.alloc(bytes, from + i) }));
  const seqs: number[] = [];
  for (const r of results) {
    const a = await r;
    await a.durable;
    seqs.push(a.seq);
  }
  return seqs;
}

/** Payload first bytes of what the lane would send now, in order. */
const queued = (outbox: Outbox, lane: number): number[] => outbox.pending(lane, 0, 1e6, 1e9, Date.now()).map((e) => e.seq);

t.test('runs survive a restart; acked and dropped messages do not come back', async (t) => {
  const path = dir('restart');
  let store = LmdbStore.open(path);
  const policies = lanePolicies({ bulk: { maxMessages: 250 } });
  let outbox = store.outbox('edge-1', policies);
  t.same(await burst(outbox, EVENTS, 0, 100), Array.from({ length: 100 }, (_, i) => i + 1), 'seqs 1..100 in one turn');
  await burst(outbox, EVENTS, 100, 100); // a second run: 101..200
  outbox.ack(EVENTS, 30); // inside the first run
  // Bulk: 300 appended in one turn over a bound of 250 (drop-oldest): 1..50 dropped before the run was written.
  await burst(outbox, BULK, 0, 300);
  t.equal(outbox.depth(BULK).messages, 250);
  // Two more over the bound, in a later turn: 51 and 52 are dropped from a run already written (tombstones).
  await burst(outbox, BULK, 300, 2);
  t.same(queued(outbox, BULK)[0], 53, 'bulk starts at 53');
  await store.close();

  store = LmdbStore.open(path);
  t.teardown(() => store.close());
  outbox = store.outbox('edge-1', policies);
  t.same(queued(outbox, EVENTS), Array.from({ length: 170 }, (_, i) => i + 31), 'events: 31..200 after the restart');
  t.same(queued(outbox, BULK), Array.from({ length: 250 }, (_, i) => i + 53), 'bulk: 53..302, the dropped ones stay dropped');
  const bytes = outbox.pending(EVENTS, 0, 1, 1e9, Date.now())[0]!.bytes;
  t.ok(bytes.length > 100, 'read back from its run');
  t.equal(outbox.lastSeq(EVENTS), 200);
  t.same(await burst(outbox, EVENTS, 200, 1), [201], 'seqs continue after the restart');
});

t.test('a run whose every message is dropped or acked leaves the store', async (t) => {
  const path = dir('gone');
  const store = LmdbStore.open(path);
  t.teardown(() => store.close());
  const outbox = store.outbox('edge-1', lanePolicies({ bulk: { ttlMs: 0 } }));
  await burst(outbox, EVENTS, 0, 50);
  await burst(outbox, EVENTS, 50, 50);
  outbox.ack(EVENTS, 100);
  // Acked runs are removed in the background.
  const deadline = Date.now() + 5000;
  while (store.msgs.getKeysCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  t.equal(store.msgs.getKeysCount(), 0, 'no record left once everything is acked');
  await burst(outbox, BULK, 0, 10);
  t.equal(store.msgs.getKeysCount(), 1, 'ten messages, one record');
  t.equal(outbox.depth(BULK).messages, 10);
});

t.test('a state lane coalesces by key across runs and restarts', async (t) => {
  const path = dir('state');
  let store = LmdbStore.open(path);
  let outbox = store.outbox('edge-1', lanePolicies());
  const STATE = 1;
  const put = (k: string, i: number) => outbox.append(STATE, { id: `s${i}`, key: k, createdAt: Date.now(), payload: Buffer.from(String(i)) });
  const all = [];
  for (let i = 0; i < 100; i++) all.push(put(`k${i % 10}`, i));
  for (const r of all) await (await r).durable;
  t.equal(outbox.depth(STATE).messages, 10);
  await store.close();
  store = LmdbStore.open(path);
  t.teardown(() => store.close());
  outbox = store.outbox('edge-1', lanePolicies());
  t.same(queued(outbox, STATE), Array.from({ length: 10 }, (_, i) => 91 + i), 'the newest of each key, once');
  t.equal(store.msgs.getKeysCount(), 10, 'superseded records are gone from disk');
});

t.test('a format-1 store (a record per message) is upgraded at open, its queue kept', async (t) => {
  const path = dir('upgrade');
  const first = LmdbStore.open(path);
  await first.close();
  // Rewrite it as format 1 would have left it: bare messages under [peer, lane, seq].
  const env = open({ path, maxDbs: 16, pageSize: 8192 });
  const msgs = env.openDB<Buffer, Array<string | number>>({ name: 'msgs', encoding: 'binary' });
  const meta = env.openDB<unknown, Array<string | number>>({ name: 'meta' });
  await env.transaction(() => {
    for (let seq = 1; seq <= 3; seq++) msgs.putSync(['edge-1', EVENTS, seq], Buffer.from(encodeMessage({ id: `v1-${seq}`, lane: EVENTS, seq, key: '', createdAt: Date.now(), payload: Buffer.from([seq]) })));
    meta.putSync(['format'], 1);
  });
  await env.close();
  const store = LmdbStore.open(path);
  t.teardown(() => store.close());
  t.equal(store.meta.get(['format']), 2, 'marked format 2');
  const outbox = store.outbox('edge-1', lanePolicies());
  const entries = outbox.pending(EVENTS, 0, 10, 1e9, Date.now());
  t.same(entries.map((e) => e.seq), [1, 2, 3], 'the queue survived the upgrade');
  t.same(await burst(outbox, EVENTS, 10, 1), [4], 'seqs continue');
});

t.test('record arenas are reused only once their puts commit: every byte survives a restart', async (t) => {
  // 12 turns of 300 x 1 KB: 3.6 MB of records through 1 MiB arenas, so arenas are
  // retired and reused while later turns are written; each payload is checked byte for byte.
  const path = dir('arena');
  let store = LmdbStore.open(path);
  let outbox = store.outbox('edge-1', lanePolicies());
  const n = 300;
  const turns: Array<Promise<number[]>> = [];
  for (let turn = 0; turn < 12; turn++) {
    turns.push(burst(outbox, EVENTS, turn * n, n, 1000));
    await new Promise((resolve) => setImmediate(resolve)); // the next burst in a later turn, its run a record of its own
  }
  await Promise.all(turns);
  await store.close();
  store = LmdbStore.open(path);
  t.teardown(() => store.close());
  outbox = store.outbox('edge-1', lanePolicies());
  const entries = outbox.pending(EVENTS, 0, 1e6, 1e9, Date.now());
  t.equal(entries.length, 12 * n, 'every message is queued after the restart');
  const damaged = entries.filter((e, i) => {
    const m = pb.Message.decode(e.bytes);
    const payload = m.payload as Uint8Array;
    return m.id !== `m${i}` || payload.length !== 1000 || payload.some((b) => b !== (i & 0xff));
  });
  t.same(damaged.map((e) => e.seq), [], 'no record was overwritten before it was committed');
});

t.test('RecordArena hands out disjoint regions and reuses an arena only after its last put settles', async (t) => {
  const arena = new RecordArena();
  const Q = ARENA_BYTES / 4;
  let commit!: () => void;
  const pending = new Promise<void>((resolve) => { commit = resolve; });
  const a = arena.alloc(Q);
  const b = arena.alloc(Q);
  t.equal(a.buffer, b.buffer, 'regions of one arena');
  t.ok(b.byteOffset >= a.byteOffset + a.length, 'disjoint');
  t.not(arena.alloc(Q + 1).buffer, a.buffer, 'a record larger than a quarter arena gets its own buffer');
  arena.alloc(Q);
  arena.alloc(Q);
  arena.wrote(pending); // the first arena's last put, not committed yet
  const d = arena.alloc(Q); // the first arena is full: it retires, busy
  t.not(d.buffer, a.buffer, 'a new arena while the old one is busy');
  for (let i = 0; i < 3; i++) arena.alloc(Q);
  arena.wrote(Promise.resolve());
  const e = arena.alloc(Q); // the second retires (its put settles later in this turn); the first is still busy
  t.not(e.buffer, a.buffer, 'the busy arena is not reused');
  t.not(e.buffer, d.buffer, 'nor one whose put has not settled yet');
  commit();
  await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 3; i++) arena.alloc(Q);
  const g = arena.alloc(Q); // the third retires: a free arena is taken
  t.ok(g.buffer === a.buffer || g.buffer === d.buffer, 'a committed arena is reused');
});
