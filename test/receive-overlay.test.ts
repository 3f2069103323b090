/**
 * Handlers run before the receive transaction; what they write to kv (and
 * what the resource cache records) waits in an overlay that reads see first,
 * and commits with the watermarks. Through a real LMDB store.
 */
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LmdbStore } from '../link/index.js';
import type { WireMessage } from '../proto/index.js';

const dir = (name: string) => mkdtempSync(join(tmpdir(), `isthmus-overlay-${name}-`));

t.test('a handler reads its own kv writes before the commit; a later one reads them too; they commit together', async (t) => {
  const path = dir('kv');
  let store = LmdbStore.open(path);
  const kv = store.kv();
  kv.put(['d', 1], 'stored');
  kv.put(['d', 5], 'to be removed');
  let inside: unknown[] = [];
  const first = store.commitReceived(() => {
    kv.put(['d', 10], 'ten');
    kv.put(['d', 2], 'two');
    kv.remove(['d', 5]);
    kv.put('count', 1);
    inside = [kv.get('count'), kv.get(['d', 5]), kv.list(['d']).map((e) => e.key)];
  });
  t.same(inside, [1, undefined, [['d', 1], ['d', 2], ['d', 10]]], 'inside the handler: its writes, in the store\'s key order, the removal hidden');
  let second: unknown;
  const next = store.commitReceived(() => { second = kv.get('count'); kv.put('count', (kv.get('count') as number) + 1); });
  t.equal(second, 1, 'the next batch\'s handler sees the first one\'s uncommitted write');
  t.equal(kv.get('count'), 2, 'and so does anyone reading meanwhile');
  await Promise.all([first, next]);
  t.equal(kv.get('count'), 2, 'committed');
  await store.close();
  store = LmdbStore.open(path);
  t.teardown(() => store.close());
  t.same(store.kv().list(['d']).map((e) => [e.key, e.value]), [[['d', 1], 'stored'], [['d', 2], 'two'], [['d', 10], 'ten']], 'on disk after a reopen');
  t.equal(store.kv().get('count'), 2);
});

t.test('a write outside the handlers to a key a handler has just written lands after it', async (t) => {
  const path = dir('outside');
  let store = LmdbStore.open(path);
  const kv = store.kv();
  const committed = store.commitReceived(() => kv.put('k', 'from the handler'));
  kv.put('k', 'from the application');
  t.equal(kv.get('k'), 'from the application', 'read at once');
  kv.put('other', 'written at once');
  await committed;
  await store.close(); // commits what still follows

  store = LmdbStore.open(path);
  t.teardown(() => store.close());
  t.equal(store.kv().get('k'), 'from the application', 'the later write won on disk');
  t.equal(store.kv().get('other'), 'written at once');
});

t.test('the resource cache: entries recorded for a commit are read before it completes', async (t) => {
  const store = LmdbStore.open(dir('resources'));
  t.teardown(() => store.close());
  const cache = store.resources();
  const msg = (key: string, op = 2): WireMessage => ({ lane: 1, key, op, seq: 1, id: key, payload: Buffer.from(key) } as unknown as WireMessage);
  cache.record(msg('b'));
  await store.commitReceived(() => {});
  cache.record(msg('a'));
  cache.record(msg('b', 4)); // delete
  cache.record(msg('c'));
  let seen: unknown[] = [];
  const committed = store.commitReceived(() => { seen = [cache.get('a')?.key, cache.get('b'), cache.list().map((m) => m.key), cache.size]; });
  t.same(seen, ['a', undefined, ['a', 'c'], 2], 'a handler sees the batch\'s entries');
  await committed;
  t.same([cache.list().map((m) => m.key), cache.size], [['a', 'c'], 2], 'and the store has them after the commit');
});
