/**
 * A message may go to the peer while its commit is on the way (the peer's
 * copy does not wait for this side's fsync), within seqs the store reserved
 * durably beforehand. If the process dies before the commit, the peer may
 * hold a seq this side no longer has: after a restart, numbering goes on
 * past the reservation, so no later message is given that seq (the peer
 * would take it for a copy and drop it).
 */
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LmdbStore, lanePolicies } from '../link/index.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'helpers', 'speculative-child.mjs');
const EVENTS = 2;
const msg = (id: string) => ({ id, key: '', createdAt: Date.now(), payload: Buffer.from(id) });

t.test('a message is handed out for sending before its commit, once the lane has a synced reservation', async (t) => {
  const path = mkdtempSync(join(tmpdir(), 'isthmus-spec-'));
  const store = LmdbStore.open(path);
  const outbox = store.outbox('edge-1', lanePolicies());
  outbox.peerOnline!(true);
  const a = await outbox.append(EVENTS, msg('a'));
  t.ok(a.durable, 'the LMDB store makes it durable later');
  t.same(outbox.pending(EVENTS, 0, 10, 1 << 20, Date.now()), [], 'the first waits for its commit: no reservation is synced yet');
  await a.durable;
  t.same(outbox.pending(EVENTS, 0, 10, 1 << 20, Date.now()).map((e) => e.seq), [a.seq], 'durable: out');
  const lane = (outbox as unknown as { lanes: Array<{ speculateTo: number }> }).lanes[EVENTS]!;
  for (let i = 0; i < 1000 && lane.speculateTo === 0; i++) await new Promise((r) => setImmediate(r));
  t.ok(lane.speculateTo > a.seq, 'the reservation is synced');
  const b = await outbox.append(EVENTS, msg('b'));
  t.same(outbox.pending(EVENTS, a.seq, 10, 1 << 20, Date.now()).map((e) => e.seq), [b.seq], 'b goes out before its commit');
  await b.durable;
  // Offline (bytes not kept in memory): nothing is handed out before it is durable.
  outbox.peerOnline!(false);
  const c = await outbox.append(EVENTS, msg('c'));
  t.same(outbox.pending(EVENTS, b.seq, 10, 1 << 20, Date.now()), [], 'c, with no bytes in memory, waits for its commit');
  await c.durable;
  t.same(outbox.pending(EVENTS, b.seq, 10, 1 << 20, Date.now()).map((e) => e.seq), [c.seq], 'then goes');
  await store.close();
  const again = LmdbStore.open(path);
  t.teardown(() => again.close());
  const reopened = again.outbox('edge-1', lanePolicies());
  t.equal((await reopened.append(EVENTS, msg('d'))).seq, c.seq + 1, 'after a clean close, numbering goes on without a jump');
});

t.test('the control lane is reserved as the outbox opens: its first message after a restart goes before its commit', async (t) => {
  const CONTROL = 0;
  const path = mkdtempSync(join(tmpdir(), 'isthmus-spec-open-'));
  const first = LmdbStore.open(path);
  const before = first.outbox('edge-1', lanePolicies());
  await (await before.append(CONTROL, msg('x'))).durable;
  await first.close(); // a clean close shrinks the reservation to the last seq

  const store = LmdbStore.open(path);
  t.teardown(() => store.close());
  const outbox = store.outbox('edge-1', lanePolicies());
  const lane = (outbox as unknown as { lanes: Array<{ speculateTo: number }> }).lanes[CONTROL]!;
  for (let i = 0; i < 1000 && lane.speculateTo === 0; i++) await new Promise((r) => setImmediate(r));
  t.ok(lane.speculateTo > 1, 'reserved and synced before the peer is online');
  outbox.peerOnline!(true);
  const y = await outbox.append(CONTROL, msg('y'));
  t.ok(y.durable, 'its own commit is still on the way');
  t.same(outbox.pending(CONTROL, 1, 10, 1 << 20, Date.now()).map((e) => e.seq), [y.seq], 'the first control message after the restart goes at once');
  await y.durable;
});

t.test('killed (-9) after sending a message whose commit never happened: the restarted store never reuses its seq', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-spec-crash-'));
  const child = spawn(process.execPath, [CHILD, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before it reported: ${out}`)));
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  const before = JSON.parse(line) as { a: number; b: number; bDurable: boolean; sent: number[] };
  t.same(before.sent, [before.b], 'b was handed out for sending before its commit');
  t.equal(before.bDurable, false, 'and was not durable then');

  const store = LmdbStore.open(dir);
  t.teardown(() => store.close());
  const outbox = store.outbox('edge-1', lanePolicies());
  outbox.peerOnline!(true);
  t.same(outbox.pending(EVENTS, 0, 10, 1 << 20, Date.now()).map((e) => e.seq), [before.a], 'a survived; b, never committed, is gone');
  t.ok(outbox.lastSeq(EVENTS) >= before.b, 'the lane counts b as possibly sent');
  const next = await outbox.append(EVENTS, msg('d'));
  t.ok(next.seq > before.b, `the next message is numbered past b (${next.seq} > ${before.b}): a peer holding b would not drop it as a copy`);
  await next.durable;
});
