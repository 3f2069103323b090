/**
 * A durable receiver acks on the next turn once its commit is synced, not
 * after the ack delay as well: the commit and the sync already gathered what
 * came meanwhile (Link.scheduleAck). A receiver without a sync to wait for
 * (the in-memory store) keeps the delayed Ack. Real hubs on loopback; the
 * edge's ack delay is set to a minute, so a receipt that resolved through the
 * timer would not resolve within the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { startEdge, startHub } from './helpers/hubs.js';

const MINUTE = 60_000;

async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([p.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

t.test('an lmdb edge acks a lone message once it is synced; a memory edge waits for the ack delay', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-ack-sync-'));
  const hub = await startHub({ pingIntervalMs: MINUTE });
  const durable = await startEdge(hub, 'durable', { dataDir: join(dir, 'edge'), ackDelayMs: MINUTE, pingIntervalMs: MINUTE });
  const memory = await startEdge(hub, 'memory', { ackDelayMs: MINUTE, pingIntervalMs: MINUTE });
  t.teardown(async () => { await durable.close(); await memory.close(); await hub.close(); rmSync(dir, { recursive: true, force: true }); });
  await durable.waitOnline();
  await memory.waitOnline();

  const synced = await hub.send('durable', { lane: 'events', payload: Buffer.from('one') });
  t.ok(await settlesWithin(synced.delivered, 10_000), 'the durable edge acked after its sync, without the minute of ack delay');

  const delayed = await hub.send('memory', { lane: 'events', payload: Buffer.from('one') });
  t.notOk(await settlesWithin(delayed.delivered, 1_000), 'the memory edge still holds its Ack for the delay (to ride on a reply)');
});
