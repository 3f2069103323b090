/**
 * Through real sockets: an edge busy with a bulk backlog (its event loop held
 * on the first bulk message, while the cloud hub, in another process, fills
 * the in-flight window and then sends control messages behind it) hands the
 * control messages to the application before the bulk frames that were ahead
 * of them on the socket (link/receive-queue.ts), and still delivers every
 * message once, in order per lane.
 */
import t from 'tap';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EdgeHub, type InboundMessage } from '../index.js';
import { until } from './helpers/hubs.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'helpers', 'drain-cloud-child.mjs');
const NODE = 'edge-queue';
const BULK = 3000; // ~3 MB: more than the 1 MiB in-flight window
const CONTROL = 3;
const HOLD_MS = 400;

t.test('control batches pass queued bulk frames on the edge', async (t) => {
  const child = spawn(process.execPath, [CHILD, NODE], { stdio: ['pipe', 'pipe', 'inherit'] });
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => JSON.parse(String((await lines.next()).value)) as Record<string, unknown>;
  const { url, token } = await next() as { url: string; token: string };

  const edge = await EdgeHub.start({ cloud: url, node: NODE, token, log: 'silent', insecure: 'dev', store: 'memory' });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  const got: Array<{ lane: string; i: number }> = [];
  let held = false;
  edge.on('message', (m: InboundMessage) => {
    const i = Buffer.from(m.payload).readUInt32LE(0);
    got.push({ lane: m.lane, i });
    if (m.lane === 'bulk' && !held) {
      held = true; // as a slow handler would: the hub meanwhile writes the window, then the control messages
      const end = Date.now() + HOLD_MS;
      while (Date.now() < end) { /* busy */ }
    }
  });
  child.stdin!.write(`${JSON.stringify({ bulk: BULK, control: CONTROL })}\n`);
  await next(); // sent
  await until(() => got.filter((g) => g.lane === 'bulk').length === BULK && got.filter((g) => g.lane === 'control').length === CONTROL, 'everything delivered', 60_000);

  const bulk = got.filter((g) => g.lane === 'bulk').map((g) => g.i);
  const control = got.filter((g) => g.lane === 'control').map((g) => g.i);
  t.same(bulk, Array.from({ length: BULK }, (_, i) => i), 'bulk: every message once, in order');
  t.same(control, Array.from({ length: CONTROL }, (_, i) => i), 'control: every message once, in order');
  const queue = (edge as unknown as { uplinks: Array<{ socket: { received: { jumped: number; maxQueued: number } } | null }> }).uplinks[0]!.socket!.received;
  const firstControlAt = got.findIndex((g) => g.lane === 'control');
  t.comment(`frames queued at most: ${queue.maxQueued}; control batches that passed queued frames: ${queue.jumped}; bulk delivered before the first control: ${firstControlAt}`);
  t.ok(queue.maxQueued > 1, 'frames that completed while the edge was busy waited in the queue');
  t.ok(queue.jumped >= 1, 'a control batch passed queued bulk frames');
  child.stdin!.write(`${JSON.stringify({ exit: true })}\n`);
});
