/**
 * The link is cut 20 times, from either side, while 10k messages flow each
 * way on all four lanes: every message arrives, in order per lane, none twice.
 */
import t from 'tap';
import { CloudHub, EdgeHub } from '../index.js';
import { CutProxy } from './helpers/cut-proxy.js';
import { LANES, Tally } from './helpers/tally.js';
import { until } from './helpers/hubs.js';

const PER_DIRECTION = 10_000;
const CUTS = 20;


t.test('20 cuts while 10k messages flow each way', async (t) => {
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', pingIntervalMs: 1000, insecure: 'dev' });
  const proxy = await CutProxy.start(hub.port);
  const edge = await EdgeHub.start({
    cloud: proxy.url, node: 'edge-1', token: hub.mintToken('edge-1'), log: 'silent', insecure: 'dev',
    backoff: { baseMs: 5, capMs: 50, stableMs: 10_000 }, pingIntervalMs: 1000,
  });
  t.teardown(async () => { await edge.close(); await proxy.close(); await hub.close(); });
  const atEdge = new Tally();
  const atCloud = new Tally();
  // Keys are unique per message so that the state lane's coalescing keeps every one.
  edge.on('message', (m) => atEdge.add(m.lane, (m.value as { n: number }).n));
  hub.on('message', (_node, m) => atCloud.add(m.lane, (m.value as { n: number }).n));
  await edge.waitOnline();

  // The cloud-side publisher cuts the link every 500 messages, alternating
  // sides, once the edge is back online, so every cut falls mid-flow.
  let cutsDone = 0;
  let cutsMidFlow = 0;
  const every = PER_DIRECTION / CUTS;
  const publishers = [0, 1].map(async (side) => {
    for (let n = 0; n < PER_DIRECTION; n++) {
      const lane = LANES[n % 4]!;
      const input = { lane, key: `k${n}`, payload: { n } };
      if (side === 0) await hub.send('edge-1', input); else await edge.publish(input);
      if (n % 100 === 99) await new Promise((r) => setTimeout(r, 2)); // let frames go out between cuts
      if (side === 0 && n % every === every - 1) {
        await edge.waitOnline();
        if (atEdge.total < PER_DIRECTION || atCloud.total < PER_DIRECTION) cutsMidFlow++;
        proxy.cut(cutsDone % 2 === 0 ? 'edge' : 'hub');
        cutsDone++;
      }
    }
  });
  await Promise.all(publishers);
  await until(() => atEdge.total >= PER_DIRECTION && atCloud.total >= PER_DIRECTION, 'all messages delivered', 60_000);
  await new Promise((r) => setTimeout(r, 300)); // anything repeated would arrive now

  t.equal(cutsDone, CUTS, 'the link was cut 20 times');
  t.ok(cutsMidFlow >= CUTS / 2, `at least half the cuts fell while messages were flowing (${cutsMidFlow})`);
  for (const [side, tally] of [['edge', atEdge], ['cloud', atCloud]] as const) {
    t.equal(tally.total, PER_DIRECTION, `${side} received each message once`);
    for (const lane of LANES) {
      const got = tally.seen.get(lane)!;
      const want = Array.from({ length: PER_DIRECTION / 4 }, (_, i) => i * 4 + LANES.indexOf(lane));
      t.same(got, want, `${side}: lane ${lane} complete and in order`);
    }
  }
  const info = hub.node('edge-1')!;
  t.equal(info.stats.messagesIn, PER_DIRECTION, 'hub delivered 10k to the application');
  t.comment(`duplicates received and not delivered: cloud ${info.stats.duplicates}, edge ${edge.status().stats.duplicates}`);
});
