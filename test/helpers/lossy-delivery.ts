/**
 * Run inside a network namespace by test/loss.test.ts: a cloud hub and an
 * edge hub with two paths, the link port dropping a share of its packets
 * both ways (nftables), and messages on all four lanes each way. Prints one
 * JSON line: what each side received, per lane, in arrival order.
 */
import { CloudHub, EdgeHub, type LaneName } from '../../index.js';
import { droppedPackets, setLoss } from '../../bench/loss/namespace.js';

const [perMilleText, perDirectionText, pathsText] = process.argv.slice(2);
const perMille = Number(perMilleText);
const perDirection = Number(perDirectionText);
const LANES: LaneName[] = ['control', 'state', 'events', 'bulk'];

const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', pingIntervalMs: 2_000, tls: {} });
const edge = await EdgeHub.start({
  cloud: hub.url, ca: hub.ca!, paths: Number(pathsText), node: 'edge-1', token: hub.mintToken('edge-1'), log: 'silent',
  pingIntervalMs: 2_000, backoff: { baseMs: 10, capMs: 200, stableMs: 5_000 },
});
const seen = { edge: Object.fromEntries(LANES.map((l) => [l, [] as number[]])), cloud: Object.fromEntries(LANES.map((l) => [l, [] as number[]])) };
let total = 0;
edge.on('message', (m) => { seen.edge[m.lane]!.push((m.value as { n: number }).n); total++; });
hub.on('message', (_n, m) => { seen.cloud[m.lane]!.push((m.value as { n: number }).n); total++; });
await edge.waitOnline();
while ((hub.node('edge-1')?.paths.length ?? 0) < Number(pathsText)) await new Promise((r) => setTimeout(r, 10));
setLoss([hub.port], perMille);
const sends: Promise<unknown>[] = [];
for (let i = 0; i < perDirection; i++) {
  const lane = LANES[i % 4]!;
  const input = { lane, key: `k${i}`, payload: { n: Math.floor(i / 4) } };
  sends.push(hub.send('edge-1', input), edge.publish(input));
  if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5)); // many small frames: many packets to lose
}
await Promise.all(sends);
const deadline = Date.now() + 120_000;
while (total < 2 * perDirection && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
await new Promise((r) => setTimeout(r, 500)); // a late copy would arrive now
const dropped = droppedPackets();
setLoss([], 0);
const stats = { edge: edge.status().stats, cloud: hub.node('edge-1')!.stats };
process.stdout.write(`${JSON.stringify({ seen, stats, dropped })}\n`);
await edge.close();
await hub.close();
process.exit(0);
