import t from 'tap';
import { startHub, startEdge } from './helpers/hubs.js';

t.test('a message each way, receipts after the ack', async (t) => {
  const hub = await startHub();
  const edge = await startEdge(hub, 'edge-1');
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline();
  const got = new Promise((r) => edge.once('message', r));
  const r = await hub.send('edge-1', { lane: 'control', key: 'reboot', payload: { at: 'now' } });
  t.same(await r.delivered, { status: 'delivered' });
  t.same(((await got) as { value: unknown }).value, { at: 'now' });
});
