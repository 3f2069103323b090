/**
 * `npm run bench -- scale`: how many idle edges one cloud hub process holds,
 * and what an idle edge costs.
 *
 * For each count N: a cloud hub child (LMDB store) and N simulated edges
 * (bench/fleet/sim-edge.ts; 5000 per child process, each child from its own
 * 127.0.0.x address so that ephemeral ports never run out). Admission control
 * is off while they connect (the storm benchmark measures it). Once all are
 * connected: RSS per idle edge ((RSS − RSS before) / N, after a full GC; also
 * its anonymous part, without the store's mapped pages), the hub's CPU over
 * `--idle-seconds` of idleness, the idle bytes on the wire per edge (ss, both
 * directions, TCP/IP headers included), then the one-way latency of control
 * messages sent to random edges (200/s, the hub's clock in the payload).
 * Then a real edge hub process alone: its idle RSS, CPU and wire bytes.
 *
 * One process cannot hold more sockets than its open-file limit; counts above
 * it are reported as not run, with the limit, and the largest count that fits
 * is measured instead.
 */
import type { BenchOptions } from '../args.js';
import type { RunInfo } from '../machine.js';
import type { Report } from '../report.js';
import { fmt, fmt1, ms } from '../format.js';
import { percentiles, round, type Percentiles } from '../stats.js';
import { makeTemp, removeTemp } from '../store/measure.js';
import { HubChild } from '../fleet/hub.js';
import { Swarm } from '../fleet/swarm.js';
import { fleetNodes, pollUntil } from '../fleet/nodes.js';
import { openFilesLimit } from '../fleet/ipc-child.js';
import { wireRate, wireSnapshot } from '../fleet/wire.js';
import { sleep } from '../deadline.js';
import { DefaultLinkSettings } from '../../link/index.js';
import { edgeFootprint, type EdgeFootprint } from './edge-footprint.js';
import { overLimitNote } from './open-files.js';

const EDGES_PER_CHILD = 5000;
const KB = 1024;
const MB = 1024 * 1024;
/** Descriptors the hub needs besides its edge sockets (store, listeners, stdio, libuv). */
const FD_RESERVE = 500;
/** NODE_OPTIONS of the second edge footprint row: V8's worker pool at one thread (default four). */
const LEAN_EDGE_OPTIONS = '--v8-pool-size=1';

interface ScaleCase {
  requested: number;
  edges: number;
  skipped?: string;
  connectMs: number;
  rssBeforeBytes: number;
  rssBytes: number;
  rssPerEdgeBytes: number;
  /** (RSS − RSS of the previous, smaller case) / (edges − its edges): the cost of one more edge, without the process's fixed part. */
  marginalRssPerEdgeBytes: number;
  rssAnonPerEdgeBytes: number;
  heapPerEdgeBytes: number;
  idleCpuPercent: number;
  /** Hub-counted WebSocket payload bytes per edge per second (both ways). */
  payloadBytesPerEdgePerSecond: number;
  wireBytesPerEdgePerSecond: number;
  wireKbitPerEdgePerSecond: number;
  latency: Percentiles | null;
  probes: number;
  /** One /metrics scrape: ms (median of 5) and bytes. */
  scrapeMs: number;
  scrapeBytes: number;
  error?: string;
}

export async function scale(o: BenchOptions, info: RunInfo): Promise<Report> {
  const requested = o.edges ?? (o.quick ? [1000, 2000] : [10_000, 50_000, 100_000]);
  const limit = openFilesLimit();
  const maxEdges = Number.isFinite(limit) ? limit - FD_RESERVE : Infinity;
  const cases: ScaleCase[] = [];
  let ranMax = false;
  for (const n of requested) {
    if (n > maxEdges) {
      const reason = overLimitNote(n, limit, FD_RESERVE);
      cases.push(blank(n, 0, reason));
      process.stderr.write(`scale: ${n} edges ${reason}\n`);
      if (!ranMax && !requested.includes(maxEdges)) {
        ranMax = true;
        cases.push(await runCase(maxEdges, maxEdges, o));
      }
      continue;
    }
    cases.push(await runCase(n, n, o));
  }
  process.stderr.write(`scale: edge hub process idle for ${Math.max(o.idleSeconds, (2 * DefaultLinkSettings.pingIntervalMs) / 1000)} s...\n`);
  // At least two ping intervals: one link's traffic comes in one exchange per interval.
  const edge = await edgeFootprint(Math.max(o.idleSeconds, (2 * DefaultLinkSettings.pingIntervalMs) / 1000), DefaultLinkSettings.pingIntervalMs);
  // The same with one V8 worker thread instead of four (README, "Edge footprint"): an operator's knob, not the default.
  const lean = await edgeFootprint(Math.max(o.idleSeconds, (2 * DefaultLinkSettings.pingIntervalMs) / 1000), DefaultLinkSettings.pingIntervalMs, LEAN_EDGE_OPTIONS);
  const run = cases.filter((c) => !c.skipped && !c.error);
  for (let i = 1; i < run.length; i++) run[i]!.marginalRssPerEdgeBytes = round((run[i]!.rssBytes - run[i - 1]!.rssBytes) / (run[i]!.edges - run[i - 1]!.edges), 0);
  const best = run.at(-1);
  return {
    name: 'scale',
    title: 'Connection scale: idle edges on one cloud hub process, and the edge hub at idle',
    info,
    settings: { requested, openFilesLimit: limit, edgesPerChild: EDGES_PER_CHILD, idleSeconds: o.idleSeconds, pingIntervalMs: DefaultLinkSettings.pingIntervalMs, probeRate: 200 },
    data: { cases, edge, edgeLean: lean },
    tables: [{
      title: 'Cloud hub with N idle simulated edges (RSS after a full GC; CPU in % of one core; wire = both directions with TCP/IP headers)',
      columns: [
        { key: 'edges', title: 'edges', right: true }, { key: 'rss', title: 'hub RSS MB', right: true },
        { key: 'per', title: 'RSS/edge KB', right: true }, { key: 'marginal', title: 'marginal RSS/edge KB', right: true }, { key: 'anon', title: 'anon RSS/edge KB', right: true }, { key: 'heap', title: 'JS heap/edge KB', right: true },
        { key: 'cpu', title: 'idle CPU %', right: true }, { key: 'wire', title: 'wire kbit/s/edge', right: true },
        { key: 'scrape', title: '/metrics ms', right: true },
        { key: 'p50', title: 'latency p50 ms', right: true }, { key: 'p99', title: 'latency p99 ms', right: true }, { key: 'connect', title: 'connect all ms', right: true },
        { key: 'note', title: 'note' },
      ],
      rows: cases.map((c) => ({
        edges: fmt(c.requested), rss: fmt1(c.rssBytes / MB), per: fmt1(c.rssPerEdgeBytes / KB), marginal: fmt1(c.marginalRssPerEdgeBytes / KB), anon: fmt1(c.rssAnonPerEdgeBytes / KB), heap: fmt1(c.heapPerEdgeBytes / KB),
        scrape: ms(c.scrapeMs), cpu: fmt1(c.idleCpuPercent), wire: ms(c.wireKbitPerEdgePerSecond), p50: ms(c.latency?.p50 ?? NaN), p99: ms(c.latency?.p99 ?? NaN),
        connect: fmt(c.connectMs), note: c.skipped ?? c.error ?? (c.edges !== c.requested ? `ran ${c.edges}` : ''),
      })),
    }, {
      title: `Edge hub process at idle (\`isthmus edgehub\`: LMDB store, admin listener and local MQTT broker on, plain ws), ping interval ${DefaultLinkSettings.pingIntervalMs} ms`,
      columns: [{ key: 'options', title: 'NODE_OPTIONS' }, { key: 'rss', title: 'RSS MB', right: true }, { key: 'anon', title: 'anon RSS MB', right: true }, { key: 'cpu', title: 'CPU %', right: true }, { key: 'wire', title: 'wire B/s', right: true }, { key: 'kbit', title: 'wire kbit/s', right: true }, { key: 'note', title: 'note' }],
      rows: [edge, lean].map((e) => ({ options: e.nodeOptions || '(none)', rss: fmt1(e.rssBytes / MB), anon: fmt1(e.rssAnonBytes / MB), cpu: ms(e.cpuPercent), wire: fmt1(e.wireBytesPerSecond), kbit: ms(e.wireKbitPerSecond), note: e.error ?? '' })),
    }],
    summary: summary(run, best, edge, lean, cases.filter((c) => c.skipped)),
    chart: {
      title: 'Cloud hub memory per idle edge',
      unit: 'KB per edge',
      series: ['RSS / edge', 'anonymous RSS / edge', 'target 10 KB'],
      groups: run.map((c) => ({ label: `${fmt(c.edges)} edges`, values: [c.rssPerEdgeBytes / KB, c.rssAnonPerEdgeBytes / KB, 10], note: `p99 ${ms(c.latency?.p99 ?? NaN)} ms` })),
    },
  };
}

function summary(run: ScaleCase[], best: ScaleCase | undefined, edge: EdgeFootprint, lean: EdgeFootprint, skipped: ScaleCase[]): string[] {
  const out: string[] = [];
  for (const c of skipped) out.push(`${fmt(c.requested)} edges ${c.skipped!}.`);
  for (const c of run) if (c !== best) out.push(`RSS per idle edge at ${fmt(c.edges)} edges: ${fmt1(c.rssPerEdgeBytes / KB)} KB (target ≤ 10 KB: ${c.rssPerEdgeBytes <= 10 * KB ? 'met' : 'NOT met'}).`);
  if (best) {
    out.push(`RSS per idle edge at ${fmt(best.edges)} edges: ${fmt1(best.rssPerEdgeBytes / KB)} KB (target ≤ 10 KB: ${best.rssPerEdgeBytes <= 10 * KB ? 'met' : 'NOT met'}); anonymous memory ${fmt1(best.rssAnonPerEdgeBytes / KB)} KB; `
      + `one more edge costs ${fmt1(best.marginalRssPerEdgeBytes / KB)} KB (RSS difference with the previous case, without the process's fixed part: what the connect burst grows whatever N, mostly V8's young generation).`);
    out.push(`Hub CPU at idle with ${fmt(best.edges)} edges: ${fmt1(best.idleCpuPercent)} % of one core; p99 latency of a control message to a random edge: ${ms(best.latency?.p99 ?? NaN)} ms (p50 ${ms(best.latency?.p50 ?? NaN)} ms, ${fmt(best.probes)} probes).`);
    out.push(`Idle traffic per edge: ${ms(best.wireKbitPerEdgePerSecond)} kbit/s on the wire (target ≤ 0.25: ${best.wireKbitPerEdgePerSecond <= 0.25 ? 'met' : 'NOT met'}).`);
  }
  out.push(`Edge hub process at idle: RSS ${fmt1(edge.rssBytes / MB)} MB (target ≤ 60 MB: ${edge.rssBytes <= 60 * MB ? 'met' : 'NOT met'}), CPU ${ms(edge.cpuPercent)} %, ${ms(edge.wireKbitPerSecond)} kbit/s on the wire.`
    + ` With NODE_OPTIONS=${lean.nodeOptions}: RSS ${fmt1(lean.rssBytes / MB)} MB (${lean.rssBytes <= 60 * MB ? 'met' : 'NOT met'}), CPU ${ms(lean.cpuPercent)} %.`);
  for (const c of run) if (c.error) out.push(`${fmt(c.edges)} edges: ${c.error}`);
  return out;
}

function blank(requested: number, edges: number, skipped?: string): ScaleCase {
  return {
    requested, edges, skipped, connectMs: NaN, rssBeforeBytes: NaN, rssBytes: NaN, rssPerEdgeBytes: NaN, marginalRssPerEdgeBytes: NaN, rssAnonPerEdgeBytes: NaN, heapPerEdgeBytes: NaN,
    idleCpuPercent: NaN, payloadBytesPerEdgePerSecond: NaN, wireBytesPerEdgePerSecond: NaN, wireKbitPerEdgePerSecond: NaN, latency: null, probes: 0, scrapeMs: NaN, scrapeBytes: NaN,
  };
}

async function runCase(requested: number, n: number, o: BenchOptions): Promise<ScaleCase> {
  process.stderr.write(`scale: ${n} idle edges...`);
  const c = blank(requested, n);
  const dir = makeTemp('scale');
  let hub: HubChild | null = null;
  let swarm: Swarm | null = null;
  try {
    const nodes = fleetNodes(dir, n);
    hub = await HubChild.start(dir, '127.0.0.1:0', { ratePerSecond: 0, burst: 1 });
    const before = await hub.status(true);
    const procBefore = hub.proc();
    c.rssBeforeBytes = procBefore.rssBytes;
    const t0 = performance.now();
    swarm = await Swarm.start({ url: `ws://127.0.0.1:${hub.port}`, nodes, perChild: EDGES_PER_CHILD, hold: false, backoffBaseMs: 250, backoffCapMs: 30_000 });
    const up = await pollUntil(() => swarm!.status(), (s) => s.online === n && s.upAcked === n, 60_000 + n * 5, 200);
    if (!up.met) throw new Error(`only ${up.value.online} of ${n} edges connected`);
    c.connectMs = round(performance.now() - t0, 0);
    await sleep(3_000); // handshakes' garbage and first pings settle
    const after = await hub.status(true);
    const p = hub.proc();
    c.rssBytes = p.rssBytes;
    c.rssPerEdgeBytes = (p.rssBytes - procBefore.rssBytes) / n;
    c.rssAnonPerEdgeBytes = (p.rssAnonBytes - procBefore.rssAnonBytes) / n;
    c.heapPerEdgeBytes = (after.heapUsedBytes - before.heapUsedBytes) / n;
    // Idle: CPU, payload bytes counted by the hub, and bytes on the wire from the kernel.
    const cpu0 = hub.proc().cpuMs;
    const s0 = await hub.status();
    const w0 = wireSnapshot(hub.port);
    const i0 = performance.now();
    await sleep(o.idleSeconds * 1000);
    const w1 = wireSnapshot(hub.port);
    const s1 = await hub.status();
    const seconds = (performance.now() - i0) / 1000;
    c.idleCpuPercent = ((hub.proc().cpuMs - cpu0) / (seconds * 1000)) * 100;
    c.payloadBytesPerEdgePerSecond = (s1.bytesIn + s1.bytesOut - s0.bytesIn - s0.bytesOut) / n / seconds;
    c.wireBytesPerEdgePerSecond = wireRate(w0, w1).bytesPerSecondEach;
    c.wireKbitPerEdgePerSecond = (c.wireBytesPerEdgePerSecond * 8) / 1000;
    // Latency to random edges.
    c.probes = o.quick ? 200 : 1000;
    await swarm.latencies(); // drop anything earlier
    await hub.probe(nodes.map((x) => x.node), c.probes, 200);
    await sleep(500);
    c.latency = percentiles(await swarm.latencies());
    const scrapes = [];
    for (let i = 0; i < 5; i++) scrapes.push(await hub.scrape());
    c.scrapeMs = round(scrapes.map((s) => s.ms).sort((a, b) => a - b)[2]!, 2);
    c.scrapeBytes = scrapes[0]!.bytes;
    for (const k of ['rssPerEdgeBytes', 'rssAnonPerEdgeBytes', 'heapPerEdgeBytes', 'idleCpuPercent', 'payloadBytesPerEdgePerSecond', 'wireBytesPerEdgePerSecond', 'wireKbitPerEdgePerSecond'] as const) c[k] = round(c[k], 3);
    process.stderr.write(` RSS/edge ${fmt1(c.rssPerEdgeBytes / KB)} KB, idle CPU ${fmt1(c.idleCpuPercent)} %, ${ms(c.wireKbitPerEdgePerSecond)} kbit/s/edge, p99 ${ms(c.latency.p99)} ms\n`);
  } catch (err) {
    c.error = (err as Error).message;
    process.stderr.write(` failed: ${c.error}\n`);
  } finally {
    await swarm?.stop();
    await hub?.terminate(30_000);
    removeTemp(dir);
  }
  return c;
}
