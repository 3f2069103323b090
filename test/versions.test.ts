/** Resource versions never go backwards, and a wiped outbox (new epoch) is not mistaken for a resend. */
import t from 'tap';
import type { InboundMessage } from '../index.js';
import { startEdge, startHub, until } from './helpers/hubs.js';

t.test('an older resource version never overwrites a newer one', async (t) => {
  const hub = await startHub();
  const edge = await startEdge(hub, 'edge-1');
  t.teardown(async () => { await edge.close(); await hub.close(); });
  const got: InboundMessage[] = [];
  edge.on('message', (m) => got.push(m));
  const pod = { type: 'resource' as const, kind: 'Pod', namespace: 'default', name: 'web' };
  // Queued while offline in an order the link must not trust: 5, 3, 5, 6, then a delete at 4.
  for (const rv of [5, 3, 5, 6]) await hub.send('edge-1', { ...pod, lane: 'events', op: 'update', resourceVersion: rv, payload: { rv } });
  await hub.send('edge-1', { ...pod, lane: 'events', op: 'delete', resourceVersion: 4 });
  await hub.send('edge-1', { ...pod, name: 'other', lane: 'events', op: 'insert', resourceVersion: 1 });
  await edge.waitOnline();
  await until(() => hub.node('edge-1')!.lanes.events.messages === 0, 'all acknowledged');
  t.same(got.map((m) => `${m.name}@${m.resourceVersion}`), ['web@5', 'web@6', 'other@1'], 'only newer versions reach the application');
  t.equal(edge.status().stats.stale, 3, 'stale versions counted');

  const up: InboundMessage[] = [];
  hub.on('message', (_n, m) => up.push(m));
  const status = { type: 'status' as const, kind: 'Pod', namespace: 'default', name: 'web', lane: 'state' as const };
  await (await edge.publish({ ...status, key: 'a', resourceVersion: 9, payload: { phase: 'Running' } })).delivered;
  await (await edge.publish({ ...status, key: 'b', resourceVersion: 8, payload: { phase: 'Pending' } })).delivered;
  t.same(up.map((m) => m.resourceVersion), [9], 'status going up obeys the same rule');
});

t.test('an edge whose outbox was wiped starts a new epoch and nothing of it is lost', async (t) => {
  const hub = await startHub();
  t.teardown(() => hub.close());
  const seen: string[] = [];
  hub.on('message', (_n, m) => seen.push(`${m.seq}:${(m.value as { v: string }).v}`));
  const first = await startEdge(hub, 'edge-1');
  await first.waitOnline();
  for (const v of ['a', 'b', 'c']) await (await first.publish({ lane: 'events', payload: { v } })).delivered;
  await first.close();
  // Same node, a fresh in-memory outbox: seqs start at 1 again under a new epoch.
  const second = await startEdge(hub, 'edge-1');
  t.teardown(() => second.close());
  await second.waitOnline();
  for (const v of ['d', 'e']) await (await second.publish({ lane: 'events', payload: { v } })).delivered;
  t.same(seen, ['1:a', '2:b', '3:c', '1:d', '2:e'], 'seq 1 and 2 of the new epoch are not taken for duplicates');
});
