/**
 * A slow edge: it stops reading. The cloud hub keeps no more than its
 * high-water mark in the socket library; the rest waits in the outbox and is
 * delivered, complete and in order, once the edge reads again.
 */
import t from 'tap';
import type { Socket } from 'node:net';
import type { EdgeHub } from '../index.js';
import { startEdge, startHub, until } from './helpers/hubs.js';

const MESSAGES = 30_000;
const PAYLOAD = Buffer.alloc(4096, 1); // 120 MB in all

/** The edge's TCP socket, reached through the ws client: pausing it is what a stuck reader does. */
function tcpOf(edge: EdgeHub): Socket {
  return (edge as unknown as { uplinks: Array<{ socket: { ws: { _socket: Socket } } }> }).uplinks[0]!.socket.ws._socket;
}

t.test('a stalled reader costs the hub bounded memory and loses nothing', async (t) => {
  const highWater = 256 * 1024;
  const hub = await startHub({ highWaterBytes: highWater, windowBytes: 64 << 20, pingIntervalMs: 60_000 });
  const edge = await startEdge(hub, 'edge-1');
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline();
  let received = 0;
  let inOrder = true;
  edge.on('message', (m) => { inOrder &&= m.seq === received + 1; received++; });
  tcpOf(edge).pause();

  for (let i = 0; i < MESSAGES; i++) await hub.send('edge-1', { lane: 'bulk', payload: PAYLOAD });
  let maxBuffered = 0;
  for (let i = 0; i < 50; i++) { // half a second of a stuck reader, sampled
    maxBuffered = Math.max(maxBuffered, hub.node('edge-1')!.bufferedBytes);
    await new Promise((r) => setTimeout(r, 10));
  }
  const queued = hub.node('edge-1')!.lanes.bulk.messages;
  t.ok(maxBuffered <= highWater + 512 * 1024, `socket library held at most ${maxBuffered} bytes (high water ${highWater} + one frame)`);
  t.ok(queued > MESSAGES / 2, `the outbox holds the rest, unsent or unacknowledged (${queued} of ${MESSAGES})`);
  t.ok(received < MESSAGES / 2, `the stalled edge got only what fit in the buffers (${received})`);

  tcpOf(edge).resume();
  await until(() => received === MESSAGES, 'everything delivered after the reader resumed', 60_000);
  t.ok(inOrder, 'in order, none twice');
  await until(() => hub.node('edge-1')!.lanes.bulk.messages === 0, 'outbox drained');
});
