/**
 * /metrics on the cloud hub's admin listener and on the edge hub's local
 * listener, scraped over real HTTP while messages flow, queue, drop and
 * sessions end: every figure the README's metrics reference lists moves.
 */
import t from 'tap';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { scrape } from './helpers/scrape.js';
import { tryUpgrade } from './helpers/upgrade.js';

t.test('cloud and edge /metrics move as messages flow, queue and drop', async (t) => {
  const hub = await startHub({ admin: '127.0.0.1:0', windowBytes: 1024, lanes: { bulk: { maxMessages: 5, overflow: 'drop-oldest' } } });
  const edge = await startEdge(hub, 'edge-1', { admin: '127.0.0.1:0' });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline();
  const cloudUrl = hub.adminUrl!;
  const edgeUrl = edge.adminUrl!;

  // Health without a token; metrics without a token.
  t.equal((await fetch(`${cloudUrl}/healthz`)).status, 200);
  t.equal((await fetch(`${edgeUrl}/healthz`)).status, 200);
  const ready = await fetch(`${edgeUrl}/readyz`);
  t.equal(ready.status, 200);
  t.match(await ready.text(), /ready \(online\)/);

  let c = await scrape(cloudUrl);
  t.equal(c.value('isthmus_connected_nodes'), 1, 'one node connected');
  t.equal(c.value('isthmus_connects_total'), 1);
  t.ok(c.value('process_resident_memory_bytes')! > 0, 'process metrics');
  t.ok(c.value('nodejs_eventloop_lag_seconds') !== undefined, 'event loop metrics');
  t.equal(c.value('isthmus_tunnel_open_streams'), 0);
  const bytesOut0 = c.value('isthmus_bytes_total', { direction: 'out' })!;
  t.ok(bytesOut0 > 0, 'welcome and pings counted');

  // Messages flow: counters, bytes, ack latency, window stalls (window of 1 KiB).
  const receipts = [];
  for (let i = 0; i < 50; i++) receipts.push(await hub.send('edge-1', { lane: 'events', payload: Buffer.alloc(200) }));
  await Promise.all(receipts.map((r) => r.delivered));
  await until(() => edge.status().stats.messagesIn === 50, 'edge got 50');
  c = await scrape(cloudUrl);
  t.equal(c.value('isthmus_messages_total', { direction: 'out' }), 50);
  t.ok(c.value('isthmus_bytes_total', { direction: 'out' })! > bytesOut0 + 50 * 200, 'bytes out grew by the payloads');
  t.ok(c.value('isthmus_ack_latency_seconds_count', { lane: 'events' })! >= 1, 'ack latency sampled');
  t.ok(c.value('isthmus_window_stalls_total')! >= 1, 'the 1 KiB window stalled');
  t.ok(c.value('isthmus_rtt_seconds_count')! >= 1, 'rtt sampled from the first pong');
  let e = await scrape(edgeUrl);
  t.equal(e.value('isthmus_messages_total', { direction: 'in' }), 50, 'edge delivered 50');
  t.ok(e.value('isthmus_bytes_total', { direction: 'in' })! > 50 * 200);
  t.equal(e.value('isthmus_cloud_connected'), 1);

  // The edge publishes: its ack latency and the cloud's messages in.
  await (await edge.publish({ lane: 'control', kind: 'hello' })).delivered;
  e = await scrape(edgeUrl);
  t.equal(e.value('isthmus_ack_latency_seconds_count', { lane: 'control' }), 1, 'edge timed its one control message');

  // A disconnect with retry-after: counted by reason, and the node goes offline.
  const offline = new Promise((r) => hub.once('offline', r));
  hub.disconnect('edge-1', { retryAfterMs: 60_000 });
  await offline;
  c = await scrape(cloudUrl);
  t.equal(c.value('isthmus_disconnects_total', { reason: 'RETRY_AFTER' }), 1);
  t.equal(c.value('isthmus_connected_nodes'), 0);
  e = await scrape(edgeUrl);
  t.equal(e.value('isthmus_disconnects_total', { reason: 'RETRY_AFTER' }), 1);
  t.equal(e.value('isthmus_cloud_connected'), 0);
  t.match(await (await fetch(`${edgeUrl}/readyz`)).text(), /offline/);

  // Offline: messages queue (depth, bytes, age) and bulk drops its oldest past 5.
  for (let i = 0; i < 3; i++) await hub.send('edge-1', { lane: 'events', payload: Buffer.alloc(100) });
  for (let i = 0; i < 8; i++) await hub.send('edge-1', { lane: 'bulk', payload: Buffer.alloc(10) });
  await new Promise((r) => setTimeout(r, 20));
  c = await scrape(cloudUrl);
  t.equal(c.value('isthmus_queue_messages', { lane: 'events' }), 3);
  t.equal(c.value('isthmus_queue_messages', { lane: 'bulk' }), 5);
  t.ok(c.value('isthmus_queue_bytes', { lane: 'events' })! >= 300);
  t.ok(c.value('isthmus_queue_oldest_age_seconds', { lane: 'events' })! > 0, 'oldest queued message has an age');
  t.equal(c.value('isthmus_queue_oldest_age_seconds', { lane: 'control' }), 0);
  t.equal(c.value('isthmus_dropped_messages_total', { lane: 'bulk', reason: 'overflow' }), 3, 'drops by lane and reason');

  // A stranger's upgrade: refused and counted, never a socket.
  t.equal((await tryUpgrade(hub.url, 'ist1.forged.token')).status, 401);
  c = await scrape(cloudUrl);
  t.equal(c.value('isthmus_upgrades_refused_total', { reason: 'unauthorized' }), 1);

  // Open tunnel streams, counted at scrape time: two held open by a provider that never ends them
  // (on a second edge: the first is told to stay away for a minute).
  const edge2 = await startEdge(hub, 'edge-2');
  t.teardown(() => edge2.close());
  edge2.tunnel.register('hold', (s) => { s.accept(); });
  await until(() => hub.tunnel.online('edge-2'), 'tunnel session');
  const held = [hub.tunnel.open('edge-2', 'hold', {}), hub.tunnel.open('edge-2', 'hold', {})];
  await until(() => hub.tunnel.counts().streams === 2, 'two streams open');
  t.equal((await scrape(cloudUrl)).value('isthmus_tunnel_open_streams'), 2, 'open tunnel streams');
  for (const s of held) s.reset(0, 'test done');
  await until(() => hub.tunnel.counts().streams === 0, 'streams closed');
  t.equal((await scrape(cloudUrl)).value('isthmus_tunnel_open_streams'), 0, 'and back to zero');
});
