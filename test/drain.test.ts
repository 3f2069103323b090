/**
 * Graceful drain on SIGTERM, with real processes: a cloud hub process drains
 * while an edge publishes; the edge is told (GoAway) to go to another replica,
 * nothing the hub acked is lost or delivered again, the process exits 0 within
 * its deadline and its store opens clean. The edge hub process drains too.
 */
import t from 'tap';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/processes.js';
import { startHub, until } from './helpers/hubs.js';
import { scrape } from './helpers/scrape.js';
import { EdgeHub, type Receipt } from '../index.js';
import { openDataDir } from '../cloudhub/index.js';
import { LmdbStore, laneIndex } from '../link/index.js';

const exited = (p: ReturnType<typeof runCli>): Promise<number | null> => new Promise((r) => {
  if (p.child.exitCode !== null) r(p.child.exitCode);
  else p.child.once('exit', (code) => r(code));
});

t.test('SIGTERM: GoAway with a redirect, acks flushed, nothing lost, clean store', async (t) => {
  const dataA = mkdtempSync(join(tmpdir(), 'isthmus-ops-drain-'));
  const files = openDataDir(dataA);
  const hubB = await startHub({ secret: files.secret });
  const gotB: string[] = [];
  hubB.on('message', (_n, m) => gotB.push(m.key));
  // Dev mode on both hubs: a redirect from a TLS hub to another needs their shared CA; this test is about the drain.
  const hubA = runCli(['cloudhub', '--no-kube', '--listen', '127.0.0.1:0', '--admin', '127.0.0.1:0', '--no-mqtt', '--insecure-dev', '--data', dataA, '--log-level', 'debug',
    '--drain-redirect', hubB.url, '--drain-timeout', '10s']);
  let edge: EdgeHub | null = null;
  t.teardown(async () => { await edge?.close(); await hubA.stop(); await hubB.close(); });
  const [, urlA] = await hubA.waitFor(/edges connect to:\s+(ws:\/\/\S+)/);
  const [, adminA] = await hubA.waitFor(/admin API:\s+(http:\/\/\S+)/);

  edge = await EdgeHub.start({ cloud: urlA!, node: 'edge-1', token: hubB.mintToken('edge-1'), log: 'silent', insecure: 'dev', backoff: { baseMs: 20, capMs: 200, stableMs: 1000 } });
  await edge.waitOnline();
  const offline = new Promise<{ code: number; retryInMs: number }>((r) => edge!.once('offline', r));
  let n = 0;
  let movedAt = 0; // messages published when the edge came online on hub B
  const onB = new Promise<{ url: string }>((r) => edge!.on('online', (i) => { if (i.url.startsWith(hubB.url)) { movedAt = n; r(i); } }));

  // Publish steadily until 100 more after the move to hub B; note which receipts were acked while the edge was on hub A.
  const sent: Array<{ key: string; receipt: Receipt }> = [];
  const ackedByA = new Set<string>();
  let onA = true;
  void offline.then(() => { onA = false; });
  const publishing = (async () => {
    while (!movedAt || n < movedAt + 100) {
      const key = `m-${n++}`;
      const receipt = await edge!.publish({ lane: 'events', key, payload: { n } });
      sent.push({ key, receipt });
      void receipt.delivered.then(() => { if (onA) ackedByA.add(key); });
      if (n % 10 === 0) await new Promise((r) => setTimeout(r, 2));
    }
  })();
  await until(() => ackedByA.size >= 100, 'hub A acked 100 messages');
  const metricsBefore = await scrape(adminA!);
  t.equal(metricsBefore.value('isthmus_connected_nodes'), 1);
  hubA.child.kill('SIGTERM');

  const closed = await offline;
  t.equal(closed.code, 4503, 'the edge was told SHUTTING_DOWN (GoAway, then close)');
  t.ok(closed.retryInMs < 1000, `a redirect means come back at once, with jitter only (${closed.retryInMs} ms)`);
  t.match((await onB).url, hubB.url, 'the edge followed the redirect to hub B');
  t.equal(await exited(hubA), 0, 'hub A exited 0');
  t.match(hubA.stderr, /"leftOpen":0,"acksPending":0[^\n]*"msg":"drain finished"/, 'drain finished within its deadline, acks written');
  await publishing;
  await Promise.all(sent.map((s) => s.receipt.delivered));

  // Every message reached exactly one of the hubs' applications once, none that A acked went to B.
  const gotA = hubA.stderr.split('\n').filter((l) => l.includes('"message from edge"')).map((l) => (JSON.parse(l) as { key: string }).key);
  t.equal(new Set(gotA).size, gotA.length, 'hub A delivered no message twice');
  const all = new Set([...gotA, ...gotB]);
  t.equal(sent.filter((s) => !all.has(s.key)).length, 0, 'every published message was delivered');
  t.same([...ackedByA].filter((k) => !gotA.includes(k)), [], 'every message hub A acked was delivered by hub A');
  t.same([...ackedByA].filter((k) => gotB.includes(k)), [], 'nothing hub A acked was sent again to hub B');
  t.comment(`A delivered ${gotA.length} (acked ${ackedByA.size} before the drain), B ${gotB.length}, both ${gotA.filter((k) => gotB.includes(k)).length}`);

  // The store was closed cleanly: no owner left behind, and it opens with its watermark.
  const storeDir = join(dataA, 'store');
  t.notOk(existsSync(join(storeDir, 'owner.pid')), 'no owner.pid: closed cleanly');
  const store = LmdbStore.open(storeDir);
  const highest = Math.max(...sent.filter((s) => ackedByA.has(s.key)).map((s) => s.receipt.seq));
  t.ok(store.inbox('edge-1').watermark(laneIndex('events')) >= highest, 'the reopened store holds the watermark of everything acked');
  await store.close();
});

t.test('edge hub process: SIGTERM closes the link normally and the store cleanly; its /metrics works', async (t) => {
  const hub = await startHub();
  const data = mkdtempSync(join(tmpdir(), 'isthmus-ops-edge-drain-'));
  const got: string[] = [];
  hub.on('message', (_n, m) => got.push(m.key));
  const edge = runCli(['edgehub', '--cloud', hub.url, '--node', 'edge-1', '--token', hub.mintToken('edge-1'), '--data', data,
    '--stdin', '--admin', '127.0.0.1:0', '--insecure-dev', '--log-level', 'info']);
  t.teardown(async () => { await edge.stop(); await hub.close(); });
  const [, admin] = await edge.waitFor(/"admin":"(http:\/\/[^"]+)"/);
  await new Promise((r) => hub.once('online', r));
  for (let i = 0; i < 20; i++) edge.child.stdin!.write(`${JSON.stringify({ lane: 'events', key: `k-${i}`, json: { i } })}\n`);
  await until(() => got.length === 20, 'hub got 20');
  const m = await scrape(admin!);
  t.equal(m.value('isthmus_cloud_connected'), 1);
  t.equal(m.value('isthmus_connects_total'), 1);
  const offline = new Promise<{ code: number }>((r) => hub.once('offline', (_n, i) => r(i)));
  edge.child.kill('SIGTERM');
  t.equal(await exited(edge), 0, 'edge hub exited 0');
  t.equal((await offline).code, 1000, 'closed with NORMAL');
  t.notOk(existsSync(join(data, 'owner.pid')), 'edge store closed cleanly');
  t.match(edge.stderr, /drained; exiting/);
});

t.test('drain without a redirect: jittered retry-after, and the port can be bound again at once', async (t) => {
  const first = await startHub({ retryAfterMs: 1500, admission: { jitterMs: 500 } });
  const port = first.port;
  const edges = await Promise.all(['edge-a', 'edge-b', 'edge-c'].map((n) => EdgeHub.start({
    cloud: first.url, node: n, token: first.mintToken(n), log: 'silent', insecure: 'dev', backoff: { baseMs: 20, capMs: 200, stableMs: 1000 },
  })));
  t.teardown(() => Promise.all(edges.map((e) => e.close())));
  await Promise.all(edges.map((e) => e.waitOnline()));
  const offline = edges.map((e) => new Promise<{ code: number; retryInMs: number }>((r) => e.once('offline', r)));
  const result = await first.drain();
  t.same({ edges: result.edges, leftOpen: result.leftOpen, acksPending: result.acksPending }, { edges: 3, leftOpen: 0, acksPending: 0 }, 'every edge dropped its socket');
  for (const o of await Promise.all(offline)) {
    t.equal(o.code, 4503, 'SHUTTING_DOWN');
    t.ok(o.retryInMs >= 1500 && o.retryInMs < 2000, `told retry-after 1500 ms + jitter under 500 (${o.retryInMs})`);
  }
  // The edges closed TCP first: no TIME_WAIT on the hub's port, so a new hub binds it now.
  const second = await startHub({ listen: `127.0.0.1:${port}`, secret: 'x' });
  t.teardown(() => second.close());
  t.equal(second.port, port, 'a restarted hub binds the same port at once');
});
