/**
 * While control messages are being sent, state, events and bulk get a quarter
 * of the in-flight window (CONTROL_LIVE_SHARE): less of them sits in kernel
 * buffers and in the receiver's queue ahead of the next control message; so
 * do they for SLOW_START_MS after the link comes up with a backlog. Real hubs
 * on loopback; the edge's link is cut off from the frames it receives (it
 * counts them and never acks or credits), so what arrives is exactly what the
 * cloud let into flight.
 */
import t from 'tap';
import type { CloudHub, EdgeHub } from '../index.js';
import { startEdge, startHub, until } from './helpers/hubs.js';

const WINDOW = 64 * 1024;
const PAYLOAD = 1000;

interface BatchFrame { body: string; batch?: { messages: Array<{ lane: number; payload: Uint8Array }> } }

/** Bulk payload bytes the edge received; its link never sees a batch again (no acks, no credits). */
function countBulk(edge: EdgeHub): () => number {
  let bytes = 0;
  const link = (edge as unknown as { link: { receive: (frame: BatchFrame, ...rest: unknown[]) => void } }).link;
  const receive = link.receive.bind(link);
  link.receive = (frame, ...rest) => {
    if (frame.body !== 'batch') return receive(frame, ...rest);
    for (const m of frame.batch!.messages) if (m.lane === 3) bytes += m.payload.length;
  };
  return () => bytes;
}

/**
 * Bulk the cloud let into flight: sent once the edge is online (after a control
 * message, with `withControl`), or, with `backlog`, queued while the edge was
 * away and drained as it comes back.
 */
async function inFlight(withControl: boolean, backlog = false): Promise<{ hub: CloudHub; edge: EdgeHub; bulk: number }> {
  const hub = await startHub({ windowBytes: WINDOW, pingIntervalMs: 60_000 });
  let edge = await startEdge(hub, 'edge-1', { windowBytes: WINDOW, pingIntervalMs: 60_000 });
  await edge.waitOnline();
  const bulkMessages = async (): Promise<void> => {
    for (let i = 0; i < 200; i++) await hub.send('edge-1', { lane: 'bulk', payload: Buffer.alloc(PAYLOAD) });
  };
  if (backlog) {
    await edge.close();
    await until(() => !hub.node('edge-1')!.online, 'the edge is away');
    await bulkMessages();
    edge = await startEdge(hub, 'edge-1', { windowBytes: WINDOW, pingIntervalMs: 60_000 });
  }
  const bulk = countBulk(edge); // before the edge's first frame: connecting takes a handshake
  await edge.waitOnline();
  if (withControl) await hub.send('edge-1', { lane: 'control', kind: 'tick' });
  if (!backlog) await bulkMessages();
  await until(() => hub.node('edge-1')!.stats.windowStalls > 0, 'the window fills');
  // What the cloud let into flight reaches the edge: wait until nothing more comes.
  let last = -1;
  while (bulk() !== last) {
    last = bulk();
    await new Promise((r) => setTimeout(r, 200));
  }
  return { hub, edge, bulk: bulk() };
}

t.test('bulk in flight: the whole window when no control is sent, a quarter of it while control is and right after the link comes up', async (t) => {
  const fresh = await inFlight(false, true);
  await fresh.edge.close();
  await fresh.hub.close();
  t.ok(fresh.bulk > 0, 'a backlog drains as the link comes up');
  t.ok(fresh.bulk <= WINDOW / 4, `as the link comes up, at most a quarter of the window: ${fresh.bulk} bytes`);

  const quiet = await inFlight(false);
  await quiet.edge.close();
  await quiet.hub.close();
  t.ok(quiet.bulk > WINDOW / 2, `without control, more than half the window in flight: ${quiet.bulk} bytes`);
  t.ok(quiet.bulk <= WINDOW, `and no more than the window: ${quiet.bulk} bytes`);

  const live = await inFlight(true);
  await live.edge.close();
  await live.hub.close();
  t.ok(live.bulk > 0, 'bulk still flows while control is live');
  t.ok(live.bulk <= WINDOW / 4, `while control is live, at most a quarter of the window: ${live.bulk} bytes`);
});
