/** Messages both ways on every lane, with every header field, and receipts tied to acks. */
import t from 'tap';
import type { InboundMessage, LaneName } from '../index.js';
import { startEdge, startHub, until } from './helpers/hubs.js';

const LANES: LaneName[] = ['control', 'state', 'events', 'bulk'];

t.test('every lane, both ways, every header field survives', async (t) => {
  const hub = await startHub();
  const edge = await startEdge(hub, 'edge-1');
  t.teardown(async () => { await edge.close(); await hub.close(); });
  const atEdge: InboundMessage[] = [];
  const atCloud: InboundMessage[] = [];
  edge.on('message', (m) => atEdge.push(m));
  hub.on('message', (node, m) => { t.equal(node, 'edge-1'); atCloud.push(m); });
  await edge.waitOnline();
  for (const lane of LANES) {
    const down = await hub.send('edge-1', {
      lane, key: `k-${lane}`, kind: 'Thing', op: 'update', type: 'resource', namespace: 'ns', name: `n-${lane}`,
      resourceVersion: 7, payload: { lane, nested: [1, 'two', { three: 3 }] }, traceId: `trace-${lane}`, ttlMs: 60_000,
    });
    t.same(await down.delivered, { status: 'delivered' }, `cloud→edge ${lane} acknowledged`);
    const up = await edge.publish({ lane, kind: 'Sample', payload: new Uint8Array([1, 2, 3]), contentType: 'application/x-raw' });
    t.same(await up.delivered, { status: 'delivered' }, `edge→cloud ${lane} acknowledged`);
  }
  await until(() => atEdge.length === 4 && atCloud.length === 4, 'all arrived');
  for (const [i, lane] of LANES.entries()) {
    const m = atEdge[i]!;
    t.match(m, {
      lane, seq: 1, key: `k-${lane}`, kind: 'Thing', op: 'update', type: 'resource', namespace: 'ns', name: `n-${lane}`,
      resourceVersion: 7, traceId: `trace-${lane}`, contentType: 'application/msgpack',
    }, `edge got the ${lane} headers`);
    t.ok(m.expiresAt > m.createdAt, 'expiry travels');
    t.same(m.value, { lane, nested: [1, 'two', { three: 3 }] }, 'msgpack payload round-trips');
    const c = atCloud[i]!;
    t.match(c, { lane, seq: 1, kind: 'Sample', contentType: 'application/x-raw' });
    t.same([...c.payload], [1, 2, 3], 'bytes pass through untouched');
  }
});

t.test('a receipt resolves only once the edge acknowledged', async (t) => {
  const hub = await startHub();
  t.teardown(() => hub.close());
  const r = await hub.send('edge-2', { lane: 'control', key: 'reboot', payload: { at: 'now' } });
  t.equal(r.seq, 1, 'accepted for an offline node, queued');
  let settled = false;
  void r.delivered.then(() => { settled = true; });
  await new Promise((res) => setTimeout(res, 200));
  t.notOk(settled, 'not delivered while the edge is offline');
  t.equal(hub.node('edge-2')!.lanes.control.messages, 1, 'queue depth shows it');
  const edge = await startEdge(hub, 'edge-2');
  t.teardown(() => edge.close());
  const got = new Promise<InboundMessage>((res) => edge.once('message', res));
  t.same(await r.delivered, { status: 'delivered' }, 'delivered after the edge came online');
  t.equal((await got).key, 'reboot');
  await until(() => hub.node('edge-2')!.lanes.control.messages === 0, 'queue emptied');
});

t.test('bad input is refused with an error naming the field', async (t) => {
  const hub = await startHub();
  t.teardown(() => hub.close());
  await t.rejects(hub.send('edge-1', { lane: 'fast' as LaneName }), /unknown lane "fast"/);
  await t.rejects(hub.send('Edge_1', {}), /not a valid node name/);
  await t.rejects(hub.send('edge-1', { key: 'k'.repeat(10_000) }), /message\.key is longer than/);
  await t.rejects(hub.send('edge-1', { type: 'resource', kind: 'Pod' }), /needs kind and name/);
  await t.rejects(hub.send('edge-1', { resourceVersion: -1 }), /resourceVersion must be a non-negative integer/);
  await t.rejects(hub.send('edge-1', { payload: Buffer.alloc(2 << 20) }), /payload of 2097152 bytes exceeds/);
  t.equal(hub.node('edge-1'), undefined, 'nothing was queued');
});

t.test('receipts read out of order all resolve once acknowledged', async (t) => {
  const hub = await startHub();
  t.teardown(() => hub.close());
  const receipts = [];
  for (let i = 0; i < 2000; i++) receipts.push(await hub.send('edge-9', { lane: 'events', payload: { i } }));
  // Ask for the later ones first: the link must not wait for an ack that covers only the front.
  const delivered = receipts.slice().reverse().map((r) => r.delivered);
  const edge = await startEdge(hub, 'edge-9');
  t.teardown(() => edge.close());
  const all = await Promise.all(delivered);
  t.equal(all.filter((d) => d.status === 'delivered').length, 2000, 'every receipt delivered');
});
