/**
 * A receive batch that comes alone is committed receiveCommitDelayMs later,
 * with what arrives meanwhile; its promise (what the link's Ack waits for)
 * resolves only once that commit is done. Through a real LMDB store.
 */
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LmdbStore } from '../link/index.js';

const dir = (name: string) => mkdtempSync(join(tmpdir(), `isthmus-commit-delay-${name}-`));

t.test('a lone batch waits; one arriving meanwhile joins its commit; both are on disk once it resolves', async (t) => {
  const path = dir('join');
  let store = LmdbStore.open(path, { receiveCommitDelayMs: 50 });
  const kv = store.kv();
  const first = store.commitReceived(() => kv.put('a', 1));
  t.equal(store.nextCommit, 1, 'no commit started yet');
  let firstDone = false;
  void first.then(() => { firstDone = true; });
  await new Promise((r) => setTimeout(r, 10));
  t.notOk(firstDone, 'not committed within the delay');
  t.equal(kv.get('a'), 1, 'reads see the write meanwhile');
  const second = store.commitReceived(() => kv.put('b', 2));
  t.equal(store.nextCommit, 1, 'the second batch joins the commit put off');
  await Promise.all([first, second]);
  t.equal(store.nextCommit, 2, 'one commit carried both');
  await store.close();
  store = LmdbStore.open(path);
  t.teardown(() => store.close());
  t.same([store.kv().get('a'), store.kv().get('b')], [1, 2], 'on disk after a reopen');
});

t.test('a batch right behind another commits at once', async (t) => {
  const store = LmdbStore.open(dir('stream'), { receiveCommitDelayMs: 1000 });
  t.teardown(() => store.close());
  const kv = store.kv();
  const lone = store.commitReceived(() => kv.put('x', 0)); // alone: put off
  t.equal(store.nextCommit, 1, 'the lone batch waits');
  store.commitSoon(); // a write outside the handlers takes it along at the end of this turn
  await lone;
  t.equal(store.nextCommit, 2);
  const next = store.commitReceived(() => kv.put('x', 1)); // within the delay of the last: a stream
  t.equal(store.nextCommit, 3, 'committing at once');
  await next;
  t.equal(kv.get('x'), 1);
});

t.test('without a delay each batch commits at once', async (t) => {
  const store = LmdbStore.open(dir('none'), { receiveCommitDelayMs: 0 });
  t.teardown(() => store.close());
  const first = store.commitReceived(() => {});
  const second = store.commitReceived(() => {});
  t.equal(store.nextCommit, 3, 'two commits started');
  await Promise.all([first, second]);
});

t.test('close commits a batch whose commit was put off', async (t) => {
  const path = dir('close');
  let store = LmdbStore.open(path, { receiveCommitDelayMs: 1000 });
  const kv = store.kv();
  const committed = store.commitReceived(() => kv.put('k', 'v'));
  await store.close();
  await committed;
  store = LmdbStore.open(path);
  t.teardown(() => store.close());
  t.equal(store.kv().get('k'), 'v');
});

t.test('a bad delay is refused, naming the option', async (t) => {
  t.throws(() => LmdbStore.open(dir('bad'), { receiveCommitDelayMs: -1 }), new TypeError('receiveCommitDelayMs must be a number of ms from 0 to 1000, got -1'));
});
