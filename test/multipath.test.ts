/**
 * Multipath: an edge holds two sockets to the cloud, each through its own
 * TCP proxy, so a test can freeze or cut one path the way a network does.
 * Control goes on both paths and is delivered once; the other lanes use one
 * path and move to the other when their acks stall (fast retransmit) or
 * their path dies. The node never goes offline while one path is up.
 */
import t, { type Test } from 'tap';
import { CloudHub, EdgeHub, type LaneName } from '../index.js';
import { CutProxy } from './helpers/cut-proxy.js';
import { LANES, Tally } from './helpers/tally.js';
import { startEdge, startHub, until } from './helpers/hubs.js';



async function twoPaths(t: Test, pingIntervalMs = 60_000): Promise<{ hub: CloudHub; edge: EdgeHub; proxies: CutProxy[]; atEdge: Tally; atCloud: Tally; offline: string[] }> {
  // Over TLS, as in production: each path is its own TLS session through its own proxy.
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', pingIntervalMs, tls: {} });
  const proxies = [await CutProxy.start(hub.port), await CutProxy.start(hub.port)];
  const edge = await EdgeHub.start({
    cloud: proxies.map((p) => p.url.replace('ws:', 'wss:')), ca: hub.ca!, node: 'edge-1', token: hub.mintToken('edge-1'), log: 'silent',
    backoff: { baseMs: 5, capMs: 50, stableMs: 10_000 }, pingIntervalMs,
  });
  t.teardown(async () => { await edge.close(); for (const p of proxies) await p.close(); await hub.close(); });
  const atEdge = new Tally();
  const atCloud = new Tally();
  edge.on('message', (m) => atEdge.add(m.lane, (m.value as { n: number }).n));
  hub.on('message', (_node, m) => atCloud.add(m.lane, (m.value as { n: number }).n));
  const offline: string[] = [];
  edge.on('offline', () => offline.push('edge'));
  hub.on('offline', () => offline.push('hub'));
  await until(() => hub.node('edge-1')?.paths.length === 2 && edge.status().paths.every((p) => p.online), 'both paths up');
  return { hub, edge, proxies, atEdge, atCloud, offline };
}

/** Sends `count` messages each way, lanes in turn, counters 0.. per lane in order. */
async function flow(hub: CloudHub, edge: EdgeHub, from: number, count: number, lanes = LANES): Promise<void> {
  for (let i = 0; i < count; i++) {
    const lane = lanes[i % lanes.length]!;
    const n = from + Math.floor(i / lanes.length);
    const input = { lane, key: `k${lane}${n}`, payload: { n } };
    await Promise.all([hub.send('edge-1', input), edge.publish(input)]);
    if (i % 50 === 49) await new Promise((r) => setTimeout(r, 1));
  }
}

function inOrderOnce(t: Test, tally: Tally, upTo: number, lanes: LaneName[], side: string): void {
  for (const lane of lanes) {
    const got = tally.seen.get(lane)!;
    t.same(got, Array.from({ length: upTo }, (_, i) => i), `${side}: ${lane} complete, in order, none twice`);
  }
}

t.test('two paths: control on both and delivered once, other lanes on one path', async (t) => {
  const { hub, edge, atEdge, atCloud, offline } = await twoPaths(t);
  await flow(hub, edge, 0, 800);
  await until(() => atEdge.total === 800 && atCloud.total === 800, 'all delivered');
  await new Promise((r) => setTimeout(r, 100));
  inOrderOnce(t, atEdge, 200, LANES, 'edge');
  inOrderOnce(t, atCloud, 200, LANES, 'cloud');
  t.ok(edge.status().stats.redundant > 0, `the edge dropped second copies of control messages (${edge.status().stats.redundant})`);
  t.ok(hub.node('edge-1')!.stats.redundant > 0, `the cloud dropped second copies (${hub.node('edge-1')!.stats.redundant})`);
  t.equal(edge.status().stats.duplicates, 0, 'no resend counted as a duplicate');
  for (const p of hub.node('edge-1')!.paths) t.ok(p.lanes.includes('control'), `control is written on path ${p.index}`);
  const owners = hub.node('edge-1')!.paths.filter((p) => p.lanes.includes('events'));
  t.equal(owners.length, 1, 'events is written on exactly one path');
  t.same(offline, [], 'nobody went offline');
});

t.test('a frozen path: control keeps flowing on the other and the lanes it carried move over without waiting for liveness', async (t) => {
  const { hub, edge, proxies, atEdge, atCloud, offline } = await twoPaths(t);
  await flow(hub, edge, 0, 40, ['events', 'control']);
  await until(() => atEdge.total === 40 && atCloud.total === 40, 'warm-up delivered');
  // Freeze the path that carries the edge's events: half-open, both directions.
  const owner = edge.status().paths.find((p) => p.lanes.includes('events'))!;
  proxies[owner.index]!.freeze();
  // Liveness is 60 s here: only fast retransmit can move the events lane in time.
  await flow(hub, edge, 20, 400, ['events', 'control']);
  await until(() => atEdge.total === 440 && atCloud.total === 440, 'everything delivered over the live path');
  inOrderOnce(t, atEdge, 220, ['events', 'control'], 'edge');
  inOrderOnce(t, atCloud, 220, ['events', 'control'], 'cloud');
  const status = edge.status();
  t.ok(status.stats.fastRetransmits >= 1, `the edge moved events off the frozen path (${status.stats.fastRetransmits} fast retransmits)`);
  t.ok(status.paths[owner.index]!.stalls >= 1, 'the frozen path is marked as stalled');
  t.ok(status.paths.find((p) => p.index !== owner.index)!.lanes.includes('events'), 'events now rides the other path');
  t.same(offline, [], 'nobody went offline');
});

t.test('paths cut 10 times under flow: failover without a gap, nothing lost or repeated', async (t) => {
  const { hub, edge, proxies, atEdge, atCloud, offline } = await twoPaths(t, 1000);
  const total = 4000;
  let cuts = 0;
  for (let i = 0; i < total; i++) {
    const lane = LANES[i % 4]!;
    const input = { lane, key: `k${lane}${Math.floor(i / 4)}`, payload: { n: Math.floor(i / 4) } };
    await Promise.all([hub.send('edge-1', input), edge.publish(input)]);
    if (i % 50 === 49) await new Promise((r) => setTimeout(r, 1));
    if (i % 400 === 399) {
      // Cut one path only when the other is up, so the node stays reachable throughout.
      await until(() => edge.status().paths.every((p) => p.online), 'both paths up before a cut');
      proxies[cuts % 2]!.cut(cuts % 4 < 2 ? 'edge' : 'hub');
      cuts++;
    }
  }
  await until(() => atEdge.total >= total && atCloud.total >= total, 'all delivered', 60_000);
  await new Promise((r) => setTimeout(r, 300));
  inOrderOnce(t, atEdge, total / 4, LANES, 'edge');
  inOrderOnce(t, atCloud, total / 4, LANES, 'cloud');
  t.equal(cuts, 10, 'ten cuts, each with messages in flight');
  t.same(offline, [], 'the node never went offline: one path was up at every cut');
});

t.test('a restarted edge process replaces every socket of the old one', async (t) => {
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', pingIntervalMs: 60_000, insecure: 'dev' });
  const token = hub.mintToken('edge-1');
  const opts = { cloud: hub.url, paths: 2, node: 'edge-1', token, log: 'silent' as const, pingIntervalMs: 60_000, insecure: 'dev' as const };
  // The old process dies with its sockets open: they go through a proxy that freezes.
  const proxy = await CutProxy.start(hub.port);
  const first = await EdgeHub.start({ ...opts, cloud: proxy.url });
  await until(() => hub.node('edge-1')?.paths.length === 2, 'first process: two paths');
  const oldSessions = hub.node('edge-1')!.paths.map((p) => p.session);
  proxy.freeze();
  const second = await EdgeHub.start({ ...opts, paths: 1 });
  t.teardown(async () => { await second.close(); await first.close(); await proxy.close(); await hub.close(); });
  await until(() => {
    const paths = hub.node('edge-1')?.paths ?? [];
    return paths.length === 1 && !oldSessions.includes(paths[0]!.session);
  }, 'only the new process\'s socket is left');
  t.pass('the new process\'s single path replaced both old paths at once');
  const hubMax = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', maxPaths: 1, insecure: 'dev' });
  const over = await EdgeHub.start({ ...opts, cloud: hubMax.url, token: hubMax.mintToken('edge-1'), paths: 2 });
  t.teardown(async () => { await over.close(); await hubMax.close(); });
  await until(() => hubMax.node('edge-1')?.online === true && over.status().paths[1]!.attempts > 0, 'path 1 refused');
  t.equal(hubMax.node('edge-1')!.paths.length, 1, 'a hub allowing one path keeps one');
});

t.test('a reply carries the ack of what it answers: no separate Ack frame per request', async (t) => {
  const hub = await startHub({ pingIntervalMs: 60_000 });
  const edge = await startEdge(hub, 'edge-1', { pingIntervalMs: 60_000 });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  edge.on('message', (m) => { void edge.publish({ lane: 'control', payload: m.payload }); });
  let echoes = 0;
  hub.on('message', () => { echoes++; });
  await edge.waitOnline();
  for (let i = 0; i < 50; i++) {
    const before = echoes;
    await hub.send('edge-1', { lane: 'control', payload: Buffer.from([i]) });
    await until(() => echoes > before, `echo ${i}`);
    await new Promise((r) => setTimeout(r, 10)); // past the ack delay: the cloud's own ack goes alone
  }
  const stats = edge.status().stats;
  t.equal(stats.messagesIn, 50, 'the edge got every request');
  t.equal(stats.ackFrames, 0, 'every ack of the edge rode on its reply');
  t.ok(hub.node('edge-1')!.stats.ackFrames >= 50, 'the cloud, with nothing to reply, acked with Ack frames');
});
