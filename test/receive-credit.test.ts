/**
 * The receiver's credit (Ack.received): what it has delivered while its
 * commit and sync are on the way opens the sender's in-flight window, but the
 * sender keeps the messages, and their receipts wait, until the Ack that
 * follows the sync. A receiver whose syncs stall holds at most
 * UNSYNCED_WINDOWS windows unsynced. Real hubs on loopback; the edge's inbox
 * commit is held open by the test, as a slow disk would.
 */
import t from 'tap';
import type { Delivery, EdgeHub } from '../index.js';
import { startEdge, startHub, until } from './helpers/hubs.js';

const WINDOW = 4096;
const PAYLOAD = 1000;
const COUNT = 60;

/** Holds every inbox commit of the edge open until release() (the handlers still run at once). */
function holdCommits(edge: EdgeHub): () => void {
  const inbox = (edge as unknown as { link: { inbox: { commit: (deliver: () => void) => Promise<void> | void } } }).link.inbox;
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  const commit = inbox.commit.bind(inbox);
  inbox.commit = (deliver) => {
    const done = commit(deliver);
    return held.then(() => done);
  };
  return release;
}

t.test('credit opens the window while the receiver syncs; the outbox keeps what is not synced', async (t) => {
  const hub = await startHub({ windowBytes: WINDOW, pingIntervalMs: 60_000 });
  const edge = await startEdge(hub, 'edge-1', { windowBytes: WINDOW, pingIntervalMs: 60_000 });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline();
  const release = holdCommits(edge);
  const seen: number[] = [];
  edge.on('message', (m) => seen.push(m.payload[0]! + 256 * m.payload[1]!));

  const deliveries: Delivery[] = [];
  const receipts = [];
  for (let i = 0; i < COUNT; i++) {
    const payload = Buffer.alloc(PAYLOAD);
    payload.writeUInt16LE(i, 0);
    const r = await hub.send('edge-1', { lane: 'events', payload });
    void r.delivered.then((d) => deliveries.push(d));
    receipts.push(r);
  }
  // More than one window arrives although nothing is synced: the credit opened it.
  await until(() => seen.length * PAYLOAD > 2 * WINDOW, 'more than two windows delivered while the commits are held');
  // The sender stops at 4 windows unsynced (UNSYNCED_WINDOWS): let anything beyond that show up.
  await until(() => hub.node('edge-1')!.stats.windowStalls > 0, 'the cloud stalls on the unsynced bound');
  await new Promise((r) => setTimeout(r, 300));
  t.ok(seen.length * PAYLOAD <= 4 * WINDOW + PAYLOAD, `at most 4 windows (and the frame that crossed it) unsynced: ${seen.length} delivered`);
  t.equal(deliveries.length, 0, 'no receipt resolves before the receiver synced');
  t.equal(hub.node('edge-1')!.lanes.events.messages, COUNT, 'the cloud outbox still holds every message');

  release();
  await Promise.all(receipts.map((r) => r.delivered));
  await until(() => seen.length === COUNT, 'every message delivered');
  t.same(seen, Array.from({ length: COUNT }, (_, i) => i), 'each once, in order');
  t.ok(deliveries.every((d) => d.status === 'delivered'), 'every receipt delivered');
  await until(() => hub.node('edge-1')!.lanes.events.messages === 0, 'the outbox empties once acked');
});
