/** The durable store through the hubs: restarts, coalescing, the resource cache, damage, guards. */
import t from 'tap';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudHub, EdgeHub, type InboundMessage } from '../index.js';
import { DiskGuard, LmdbStore, lanePolicies, StoreFullError } from '../link/index.js';
import { until } from './helpers/hubs.js';

const SECRET = 'store-test-secret-0123456789abcdef';
const dir = (name: string) => mkdtempSync(join(tmpdir(), `isthmus-${name}-`));
const hubAt = (dataDir: string, port = 0) => CloudHub.start({ listen: `127.0.0.1:${port}`, dataDir, secret: SECRET, log: 'silent' });
const edgeAt = (hub: CloudHub, dataDir: string, node = 'edge-1') => EdgeHub.start({
  cloud: hub.url, node, token: hub.mintToken(node), dataDir, log: 'silent', ca: hub.ca!, backoff: { baseMs: 20, capMs: 100, stableMs: 1000 },
});

t.test('10,000 updates to 100 keys while offline arrive as exactly 100, the newest of each', async (t) => {
  const hub = await hubAt(dir('coalesce-hub'));
  t.teardown(() => hub.close());
  // Accepted in call order; awaited together so that their commits group.
  await Promise.all(Array.from({ length: 10_000 }, (_, i) => hub.send('edge-1', { lane: 'state', key: `sensor-${i % 100}`, payload: { i } })));
  t.equal(hub.node('edge-1')!.lanes.state.messages, 100, 'the store holds one per key');
  t.equal(hub.node('edge-1')!.stats.dropped.state.superseded, 9_900, 'superseded counted');
  // Links share one frozen set of zero counters until their first drop: another node's stay its own.
  await hub.send('edge-2', { lane: 'state', key: 'k', payload: { i: 0 } });
  t.equal(hub.node('edge-2')!.stats.dropped.state.superseded, 0, 'another node counts no drops');
  await hub.send('edge-2', { lane: 'state', key: 'k', payload: { i: 1 } });
  t.equal(hub.node('edge-2')!.stats.dropped.state.superseded, 1, 'its own first drop counted');
  t.equal(hub.node('edge-1')!.stats.dropped.state.superseded, 9_900, 'and not on edge-1');
  const edge = await edgeAt(hub, dir('coalesce-edge'));
  t.teardown(() => edge.close());
  const got = new Map<string, number>();
  let count = 0;
  edge.on('message', (m) => { count++; got.set(m.key, (m.value as { i: number }).i); });
  await until(() => count >= 100 && hub.node('edge-1')!.lanes.state.messages === 0, '100 delivered and acked');
  await new Promise((r) => setTimeout(r, 100));
  t.equal(count, 100, 'exactly 100 sent');
  t.same([...got.entries()].sort(), Array.from({ length: 100 }, (_, k) => [`sensor-${k}`, 9_900 + k]).sort(), 'the newest of each key');
  t.equal(edge.resources.size, 100, 'the edge cache holds them');
  t.same(edge.resources.get('sensor-7')!.value, { i: 9_907 });
});

t.test('queued messages survive a hub restart; delivered ones never come twice', async (t) => {
  const hubDir = dir('restart-hub');
  const edgeDir = dir('restart-edge');
  let hub = await hubAt(hubDir);
  await Promise.all(Array.from({ length: 50 }, (_, i) => hub.send('edge-1', { lane: 'events', payload: { i } })));
  const port = hub.port;
  await hub.close();
  hub = await hubAt(hubDir, port);
  t.equal(hub.node('edge-1')!.lanes.events.messages, 50, 'restored from disk');
  const received: number[] = [];
  let edge = await edgeAt(hub, edgeDir);
  edge.on('message', (m) => received.push((m.value as { i: number }).i));
  await until(() => received.length === 50 && hub.node('edge-1')!.lanes.events.messages === 0, 'delivered');
  t.same(received, Array.from({ length: 50 }, (_, i) => i), 'in order');
  const epoch = edge.status();
  for (let i = 0; i < 3; i++) await (await edge.publish({ lane: 'control', payload: { up: i } })).delivered;
  await edge.close();

  edge = await edgeAt(hub, edgeDir);
  t.teardown(async () => { await edge.close(); await hub.close(); });
  edge.on('message', (m) => received.push((m.value as { i: number }).i));
  await edge.waitOnline();
  const seen: number[] = [];
  hub.on('message', (_n, m) => seen.push(m.seq));
  await (await edge.publish({ lane: 'control', payload: { up: 3 } })).delivered;
  await new Promise((r) => setTimeout(r, 200));
  t.equal(received.length, 50, 'nothing delivered twice after the edge restarted');
  t.same(seen, [4], 'the edge continues its seq after a restart: nothing is mistaken for a duplicate');
  t.equal(hub.node('edge-1')!.stats.duplicates, 0);
  t.ok(epoch.node === 'edge-1');
});

t.test('the resource cache is readable offline and after a restart; delete removes', async (t) => {
  const edgeDir = dir('cache-edge');
  const hub = await hubAt(dir('cache-hub'));
  let edge = await edgeAt(hub, edgeDir);
  const pods = (name: string, rv: number, op: 'update' | 'delete' = 'update') =>
    hub.send('edge-1', { lane: 'state', type: 'resource', kind: 'Pod', namespace: 'default', name, op, resourceVersion: rv, payload: { name, rv } });
  await pods('web', 1); await pods('db', 1); await pods('web', 2); await pods('cache', 5);
  await (await pods('cache', 6, 'delete')).delivered;
  await hub.close();
  await until(() => !edge.online, 'the edge is offline');
  t.same(edge.resources.list('Pod/default/').map((m: InboundMessage) => [m.name, m.resourceVersion]), [['db', 1], ['web', 2]], 'readable offline, delete applied');
  t.same(edge.resources.list('Pod/').length, 2, 'by prefix');
  await edge.close();
  edge = await EdgeHub.start({ cloud: 'ws://127.0.0.1:1', insecure: 'dev', node: 'edge-1', token: hub.mintToken('edge-1'), dataDir: edgeDir, log: 'silent' });
  t.teardown(() => edge.close());
  t.notOk(edge.online, 'offline: the cloud is unreachable');
  t.same(edge.resources.get('Pod/default/web')!.value, { name: 'web', rv: 2 }, 'after a restart, offline');
  t.equal(edge.resources.get('Pod/default/cache'), undefined);
  t.equal(edge.resources.size, 2);
});

t.test('a damaged store is named, not reset', async (t) => {
  const d = dir('damage');
  let hub = await hubAt(d);
  await Promise.all(Array.from({ length: 200 }, (_, i) => hub.send('edge-1', { lane: 'events', payload: Buffer.alloc(2048, i) })));
  await hub.close();
  const file = join(d, 'store', 'data.mdb');
  const original = readFileSync(file);
  const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  truncateSync(file, Math.floor(statSync(file).size / 3));
  const truncated = digest(readFileSync(file));
  await t.rejects(hubAt(d), { code: 'STORE_CORRUPT', message: new RegExp(`store ${file} is unreadable .*It was not modified.*move its folder aside`) });
  t.equal(digest(readFileSync(file)), truncated, 'left as it was');

  const garbage = Buffer.from(original);
  for (let i = 0; i < 8192; i++) garbage[i] = (i * 131 + 7) & 255; // both meta pages
  writeFileSync(file, garbage);
  await t.rejects(hubAt(d), { code: 'STORE_CORRUPT', message: /data\.mdb is unreadable/ });
  t.equal(digest(readFileSync(file)), digest(garbage), 'left as it was');

  writeFileSync(file, original);
  hub = await hubAt(d);
  t.equal(hub.node('edge-1')!.lanes.events.messages, 200, 'the intact store opens with everything');
  await hub.close();
});

t.test('guards: one process per store, and a disk-space floor', async (t) => {
  const d = dir('guards');
  const hub = await hubAt(d);
  t.teardown(() => hub.close());
  await t.rejects(hubAt(d), { code: 'STORE_IN_USE', message: /is in use by process \d+: give each hub its own data folder/ });
  const full = await CloudHub.start({ listen: '127.0.0.1:0', dataDir: dir('full'), secret: SECRET, log: 'silent', storeMinFreeBytes: Number.MAX_SAFE_INTEGER });
  t.teardown(() => full.close());
  const err = await full.send('edge-1', { payload: { x: 1 } }).catch((e: unknown) => e);
  t.ok(err instanceof StoreFullError, 'refused with StoreFullError');
  t.match((err as Error).message, /refusing to queue: \d+ MiB free on the disk of .*below the guard/);
  const guard = new DiskGuard('/x', 100, () => ({ bavail: 1, bsize: 50 }) as never);
  t.throws(() => guard.check(), /50 free|0 MiB free/);
});

t.test('expired messages are never sent and are counted, in the durable store too', async (t) => {
  const store = LmdbStore.open(dir('ttl'));
  t.teardown(() => store.close());
  const outbox = store.outbox('edge-1', lanePolicies({ bulk: { ttlMs: 1 } }));
  const drops: string[] = [];
  outbox.onDrop((lane, seq, reason) => drops.push(`${lane}:${seq}:${reason}`));
  const durable = async (r: ReturnType<typeof outbox.append>) => { await (await r).durable; };
  await durable(outbox.append(3, { id: 'a', key: '', createdAt: Date.now() - 10, payload: Buffer.from('x') }));
  await durable(outbox.append(2, { id: 'b', key: '', createdAt: Date.now(), expiresAt: Date.now() - 1, payload: Buffer.from('y') }));
  await durable(outbox.append(2, { id: 'c', key: '', createdAt: Date.now(), payload: Buffer.from('z') }));
  t.same(outbox.pending(3, 0, 10, 1e6, Date.now()), []);
  t.same(outbox.pending(2, 0, 10, 1e6, Date.now()).map((e) => e.seq), [2]);
  t.same(drops, ['3:1:ttl', '2:1:ttl']);
});
