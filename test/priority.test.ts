/**
 * Priority: with a bulk backlog flowing, a control message overtakes every
 * queued bulk message. Without priority it would arrive after all of them;
 * with it, only what was already handed to the socket and the kernel's
 * buffers (bounded below by IN_FLIGHT) gets there first.
 */
import t from 'tap';
import { startEdge, startHub, until } from './helpers/hubs.js';

const BULK = 40_000;
const PAYLOAD = Buffer.alloc(1024, 7);
/** Generous bound on bulk in flight past the outbox: the in-flight window (1 MiB) plus one frame (256 KiB), in 1 KiB messages, with room to spare. */
const IN_FLIGHT = 2_000;

for (const direction of ['cloud→edge', 'edge→cloud'] as const) {
  t.test(`${direction}: control overtakes queued bulk`, async (t) => {
    const hub = await startHub();
    const edge = await startEdge(hub, 'edge-1');
    t.teardown(async () => { await edge.close(); await hub.close(); });
    await edge.waitOnline();
    let bulkSeen = 0;
    let bulkAtSend = -1;
    let bulkBeforeControl = -1;
    const onMessage = (m: { lane: string }): void => {
      if (m.lane === 'bulk') bulkSeen++;
      else bulkBeforeControl = bulkSeen;
    };
    const send = direction === 'cloud→edge'
      ? (lane: 'bulk' | 'control') => hub.send('edge-1', { lane, payload: lane === 'bulk' ? PAYLOAD : { cmd: 'stop' } })
      : (lane: 'bulk' | 'control') => edge.publish({ lane, payload: lane === 'bulk' ? PAYLOAD : { cmd: 'stop' } });
    if (direction === 'cloud→edge') edge.on('message', onMessage); else hub.on('message', (_n, m) => onMessage(m));

    for (let i = 0; i < BULK; i++) await send('bulk');
    await until(() => bulkSeen >= 1000, 'bulk flowing');
    bulkAtSend = bulkSeen;
    await send('control');
    await until(() => bulkBeforeControl >= 0, 'control delivered', 60_000);
    await until(() => bulkSeen === BULK, 'all bulk delivered', 60_000);
    t.comment(`bulk received before the send: ${bulkAtSend}, before the control: ${bulkBeforeControl}, of ${BULK}`);
    t.ok(bulkBeforeControl - bulkAtSend <= IN_FLIGHT, `control overtook the queued bulk (${bulkBeforeControl - bulkAtSend} bulk arrived between its send and its delivery)`);
    t.ok(BULK - bulkBeforeControl > 0, 'bulk still arrived after the control');
  });
}
