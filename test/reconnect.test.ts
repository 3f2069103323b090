/**
 * Reconnect behaviour: many edges at once, "retry after", admission limits,
 * a newer connection replacing the older one, and redirects. Timing appears
 * only as lower bounds that follow from causality (the hub notes a time
 * before it tells the edge to wait) and as generous deadlines against hangs.
 */
import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { CloseCode, EdgeHub, type CloudHub } from '../index.js';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { captureLog } from './helpers/log-capture.js';
import { closedWithin, rawConnect } from './helpers/raw-client.js';

/** Records the hub's 'online' events per node, with the time the hub saw them. */
function onlineLog(hub: CloudHub): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  hub.on('online', (node) => {
    const list = seen.get(node) ?? [];
    list.push(Date.now());
    seen.set(node, list);
  });
  return seen;
}

async function roundTrip(t: Test, hub: CloudHub, edge: EdgeHub, node: string, tag: string): Promise<void> {
  const down = new Promise<unknown>((r) => edge.once('message', (m) => r(m.value)));
  const up = new Promise<unknown>((r) => hub.once('message', (n, m) => { if (n === node) r(m.value); }));
  const r1 = await hub.send(node, { lane: 'control', payload: { down: tag } });
  const r2 = await edge.publish({ lane: 'control', payload: { up: tag } });
  t.same(await down, { down: tag }, `${tag}: cloud -> edge`);
  t.same(await up, { up: tag }, `${tag}: edge -> cloud`);
  t.same(await r1.delivered, { status: 'delivered' }, `${tag}: receipt down`);
  t.same(await r2.delivered, { status: 'delivered' }, `${tag}: receipt up`);
}




/** The soft limit on open files of this process (Linux), or Infinity when unknown. */
function openFilesLimit(): number {
  try {
    const m = /Max open files\s+(\d+|unlimited)/.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m && m[1] !== 'unlimited' ? Number(m[1]) : Infinity;
  } catch {
    return Infinity;
  }
}

// Both ends live in this process: 500 edges need about 1000 descriptors plus the runtime's own.
const FDS_NEEDED = 1200;

t.test('500 edges connecting at once all get online, and all come back after a mass disconnect', {
  skip: openFilesLimit() < FDS_NEEDED ? `needs ulimit -n >= ${FDS_NEEDED} (have ${openFilesLimit()})` : false,
}, async (t) => {
  const N = 500;
  const hub = await startHub();
  const seen = onlineLog(hub);
  const names = Array.from({ length: N }, (_, i) => `edge-${String(i).padStart(3, '0')}`);
  // All started in the same tick: every socket dials at once.
  const edges = await Promise.all(names.map((n) => startEdge(hub, n, { backoff: { baseMs: 50, capMs: 1000, stableMs: 5000 } })));
  t.teardown(async () => {
    await Promise.all(edges.map((e) => e.close()));
    await hub.close();
  });
  await until(() => seen.size === N, `${N} edges online (have ${seen.size})`, 45_000);
  t.equal(seen.size, N, 'every edge came online');
  t.equal(hub.nodes().filter((n) => n.online).length, N, 'the hub lists all of them online');
  // The hub emits 'online' as it sends the Welcome; the edge is online once it has read it.
  await until(() => edges.every((e) => e.online), 'every edge to read its Welcome', 10_000);
  t.pass('every edge says it is online');
  t.equal([...seen.values()].every((l) => l.length === 1), true, 'each connected once (no flapping)');

  // Reconnecting at once: the hub drops them all in one go.
  for (const n of names) hub.disconnect(n);
  await until(() => [...seen.values()].every((l) => l.length >= 2), 'every edge back online', 45_000);
  await until(() => hub.nodes().filter((n) => n.online).length === N, 'hub lists all online again', 10_000);
  t.pass(`all ${N} edges reconnected`);

  // And they work: one message to each, acknowledged.
  const receipts = await Promise.all(names.map((n) => hub.send(n, { lane: 'control', payload: n })));
  const delivered = await Promise.all(receipts.map((r) => r.delivered));
  t.equal(delivered.filter((d) => d.status === 'delivered').length, N, 'a message to each edge was delivered');
});

t.test('after disconnect with retryAfterMs the edge waits at least that long', async (t) => {
  const hub = await startHub();
  const seen = onlineLog(hub);
  // Backoff far below retryAfterMs, so only the hub's instruction can explain the wait.
  const edge = await startEdge(hub, 'edge-1', { backoff: { baseMs: 10, capMs: 20, stableMs: 60_000 } });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline(10_000);
  const offline = new Promise<{ code: number; retryInMs: number }>((r) => edge.once('offline', r));
  for (const retryAfterMs of [1500, 700]) {
    const before = seen.get('edge-1')!.length;
    const t0 = Date.now();
    t.ok(hub.disconnect('edge-1', { retryAfterMs }), 'the hub had a socket to close');
    if (retryAfterMs === 1500) {
      const info = await offline;
      t.equal(info.code, CloseCode.RETRY_AFTER, 'the edge saw RETRY_AFTER');
      t.ok(info.retryInMs >= retryAfterMs, `the edge plans to wait ${info.retryInMs} >= ${retryAfterMs} ms`);
    }
    await until(() => seen.get('edge-1')!.length > before, 'the edge to come back', 15_000);
    const back = seen.get('edge-1')![before]!;
    // t0 is taken before the GoAway is even written, so this bound is causal, not a race.
    t.ok(back - t0 >= retryAfterMs, `back after ${back - t0} ms >= ${retryAfterMs} ms`);
  }
  await roundTrip(t, hub, edge, 'edge-1', 'after retry-after');
});

t.test('maxConnections: the hub answers 503 with a retry-after', async (t) => {
  const cap = captureLog();
  const RETRY_MS = 700;
  const hub = await startHub({ maxConnections: 1, retryAfterMs: RETRY_MS, log: cap.log });
  const first = await startEdge(hub, 'edge-1');
  t.teardown(async () => { await first.close(); await hub.close(); });
  await first.waitOnline(10_000);

  await t.test('a second connection gets HTTP 503 before the upgrade', async (t) => {
    const c = await rawConnect(hub, { token: hub.mintToken('edge-2'), node: 'edge-2' });
    t.equal(c.status, 503, 'HTTP 503');
    t.equal(c.ws.readyState !== c.ws.OPEN, true, 'no socket');
    t.ok(cap.find('hub full', (l) => l.node === 'edge-2').length >= 1, 'the hub logged the refusal');
  });

  await t.test('the response says how long to wait', async (t) => {
    // A bare HTTP upgrade request, to read the refusal's headers.
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${hub.url.replace('ws:', 'http:')}/v1/link`, {
        agent: false, // no keep-alive socket left behind
        headers: {
          connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13',
          'sec-websocket-key': randomBytes(16).toString('base64'), authorization: `Bearer ${hub.mintToken('edge-2')}`,
        },
      });
      req.on('response', (r) => { r.on('end', () => req.destroy()); r.resume(); resolve(r); });
      req.on('upgrade', () => reject(new Error('upgraded although the hub is full')));
      req.on('error', reject);
      req.end();
    });
    t.equal(res.statusCode, 503);
    t.equal(res.headers['x-isthmus-retry-after-ms'], String(RETRY_MS), 'x-isthmus-retry-after-ms');
    t.equal(res.headers['retry-after'], String(Math.ceil(RETRY_MS / 1000)), 'retry-after in seconds');
  });

  await t.test('an edge hub that is refused waits at least retryAfterMs between attempts', async (t) => {
    const second = await startEdge(hub, 'edge-2', { backoff: { baseMs: 10, capMs: 20, stableMs: 60_000 } });
    t.teardown(() => second.close());
    const refusals = (): number[] => cap.find('hub full', (l) => l.node === 'edge-2').map((l) => l.time);
    const start = refusals().length;
    await until(() => refusals().length >= start + 3, 'three refusals of the edge hub', 10_000);
    const times = refusals().slice(start);
    for (let i = 1; i < times.length; i++) {
      t.ok(times[i]! - times[i - 1]! >= RETRY_MS, `attempt ${i + 1} came ${times[i]! - times[i - 1]!} ms after the refusal >= ${RETRY_MS}`);
    }
    t.equal(second.online, false, 'not online while the hub is full');
    // When the slot frees, it gets in.
    await first.close();
    await second.waitOnline(10_000);
    t.equal(hub.node('edge-2')?.online, true, 'in once there is room');
  });
});

t.test('a newer connection of a node replaces the older one at once', async (t) => {
  const cap = captureLog();
  const hub = await startHub({ log: cap.log });
  t.teardown(() => hub.close());
  let offline = 0;
  hub.on('offline', (n) => { if (n === 'edge-1') offline++; });

  // The older connection: a raw client that says Hello and then never acks anything.
  const old = await rawConnect(hub, { token: hub.mintToken('edge-1'), node: 'edge-1' });
  const w = await old.hello('edge-1');
  t.equal(hub.node('edge-1')?.session, w.welcome!.session, 'the old connection is the session');
  // A message goes out on the old connection and is never acknowledged there.
  const pending = await hub.send('edge-1', { lane: 'state', key: 'cfg', payload: { v: 1 } });
  await until(() => old.frames.some((f) => f.body === 'batch'), 'the old connection to get the batch', 5_000);

  // The newer connection: a real edge hub for the same node.
  const got: unknown[] = [];
  const edge = await startEdge(hub, 'edge-1');
  t.teardown(() => edge.close());
  edge.on('message', (m) => got.push(m.value));
  await edge.waitOnline(10_000);
  const { code } = await closedWithin(old, 5_000);
  t.equal(code, CloseCode.REPLACED, 'the old socket was closed with REPLACED');
  t.equal(hub.node('edge-1')?.session, edge.status().session, 'the hub now uses the new connection');
  t.equal(hub.node('edge-1')?.online, true);
  await t.test('the node never went offline in between (no presence flap)', async (t) => {
    t.equal(offline, 0, 'no offline event for the replaced socket');
  });

  // Hub-side order: the old one is closed before the new one is welcomed.
  const replaced = cap.lines.findIndex((l) => l.msg === 'newer connection replaces the older one');
  const online = cap.lines.findIndex((l) => l.msg === 'edge online' && l.conn === edge.status().session);
  t.ok(replaced >= 0 && online > replaced, 'replacement logged before the new session went online');

  // What the old connection never acked is resent on the new one, once.
  t.same(await pending.delivered, { status: 'delivered' }, 'the pending message was delivered on the new connection');
  t.same(got, [{ v: 1 }], 'exactly once');
  await roundTrip(t, hub, edge, 'edge-1', 'on the new connection');
});

t.test('a redirect sends the edge to the other hub', async (t) => {
  const secret = randomBytes(32);
  const hub1 = await startHub({ secret });
  const hub2 = await startHub({ secret });
  const seen2 = onlineLog(hub2);
  t.teardown(async () => { await hub1.close(); await hub2.close(); });

  for (const [label, target, opts] of [
    ['to hub.url with the link path', `${hub2.url}/v1/link`, {}],
    ['to hub.url as the hub gives it', hub2.url, {}],
  ] as const) {
    await t.test(label, opts, async (t) => {
      const node = label.includes('path') ? 'edge-a' : 'edge-b';
      const edge = await startEdge(hub1, node, { handshakeTimeoutMs: 2000 });
      t.teardown(() => edge.close());
      await edge.waitOnline(10_000);
      const offline = new Promise<{ code: number }>((r) => edge.once('offline', r));
      t.ok(hub1.disconnect(node, { redirect: target }), 'hub1 told the edge to go');
      t.equal((await offline).code, CloseCode.REDIRECT, 'closed with REDIRECT');
      await until(() => (seen2.get(node)?.length ?? 0) >= 1, 'the edge on hub2', 8_000);
      t.equal(hub2.node(node)?.online, true, 'online on hub2');
      t.notOk(hub1.node(node)?.online, 'not on hub1');
      t.ok(edge.status().url.startsWith(hub2.url), 'the edge reports hub2 as its cloud');
      await roundTrip(t, hub2, edge, node, 'via hub2');
    });
  }
});
