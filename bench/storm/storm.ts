/**
 * `npm run bench -- storm`: a restarted cloud hub facing every edge at once.
 *
 * N simulated edges (bench/fleet/sim-edge.ts, in child processes from
 * 127.0.0.2, .3, ...) connect to hub 1 and hold what it sends without acking
 * (as if lost on the wire), so K messages per node stay queued in hub 1's
 * LMDB store. Hub 1 is stopped with SIGTERM (a drain: every edge gets GoAway
 * with retry-after 5 s + up to 1 s of jitter), hub 2 opens the same store on
 * the same port, and the edges come back all within about a second.
 * Measured from hub 2 listening: time until every edge is connected, time
 * until every edge is resumed (all queued messages delivered and acked: hub 2's
 * outboxes empty, and each edge's own message acked), peak RSS of hub 2
 * (VmHWM), its CPU; checked: nothing lost (delivered = N × K, no queue left).
 * Two cases in one run: admission control at its default (1000/s, burst 1000)
 * and off, the floor it is compared with.
 */
import type { BenchOptions } from '../args.js';
import type { RunInfo } from '../machine.js';
import type { Report } from '../report.js';
import { fmt, fmt1 } from '../format.js';
import { round } from '../stats.js';
import { makeTemp, removeTemp } from '../store/measure.js';
import { HubChild } from '../fleet/hub.js';
import { Swarm } from '../fleet/swarm.js';
import { fleetNodes, pollUntil } from '../fleet/nodes.js';
import { DefaultAdmission } from '../../cloudhub/index.js';

const EDGES_PER_CHILD = 5000;
const MB = 1024 * 1024;

interface StormCase {
  label: string;
  admission: { ratePerSecond: number; burst: number };
  edges: number;
  perNode: number;
  /** Hub 1: time to connect every edge (from a cold start, same admission), ms. */
  coldConnectMs: number;
  /** Hub 1: SIGTERM to exit, ms (the drain of N edges). */
  drainMs: number;
  drainExitCode: number | null;
  /** Time hub 2 waited for the port (sockets hub 1 closed itself sit in TIME_WAIT), ms. */
  rebindWaitMs: number;
  /** Hub 2: store open and listen, ms (from its start request). */
  reopenMs: number;
  /** From hub 2 listening. */
  allConnectedMs: number;
  allResumedMs: number;
  /** From the first edge back on hub 2 (retry-after excluded): the storm itself. */
  firstConnectMs: number;
  peakRssBytes: number;
  rssBeforeBytes: number;
  hubCpuMs: number;
  /** CPU of the simulated edges' processes during the storm, ms: on 2 cores they, not the hub, are the bottleneck. */
  swarmCpuMs: number;
  refusedAdmission: number;
  delivered: number;
  expected: number;
  duplicates: number;
  queuedLeft: number;
  upAcked: number;
  lost: boolean;
  error?: string;
}

export async function storm(o: BenchOptions, info: RunInfo): Promise<Report> {
  const edges = o.edges?.[0] ?? (o.quick ? 1000 : 10_000);
  const perNode = o.perNode;
  const cases: StormCase[] = [];
  for (const [label, admission] of [
    ['admission on (default)', { ratePerSecond: DefaultAdmission.ratePerSecond, burst: DefaultAdmission.burst }],
    ['admission off', { ratePerSecond: 0, burst: 1 }],
  ] as const) {
    process.stderr.write(`storm: ${label}, ${edges} edges, ${perNode} queued each...\n`);
    cases.push(await runCase(label, admission, edges, perNode));
    const c = cases.at(-1)!;
    process.stderr.write(`  all connected ${fmt(c.allConnectedMs)} ms, resumed ${fmt(c.allResumedMs)} ms, peak RSS ${fmt1(c.peakRssBytes / MB)} MB${c.error ? `, error: ${c.error}` : ''}\n`);
  }
  const on = cases[0]!;
  const off = cases[1]!;
  const rows = cases.map((c) => ({
    case: c.label, edges: fmt(c.edges), queued: fmt(c.expected),
    connected: fmt(c.allConnectedMs), resumed: fmt(c.allResumedMs), storm: fmt(c.allResumedMs - c.firstConnectMs),
    peak: fmt1(c.peakRssBytes / MB), cpu: fmt(c.hubCpuMs), scpu: fmt(c.swarmCpuMs), refused: fmt(c.refusedAdmission),
    delivered: `${fmt(c.delivered)}/${fmt(c.expected)}`, dup: fmt(c.duplicates), lost: c.lost ? 'YES' : 'none',
    drain: fmt(c.drainMs), cold: fmt(c.coldConnectMs),
  }));
  return {
    name: 'storm',
    title: `Reconnect storm: ${fmt(edges)} edges back to a restarted cloud hub`,
    info,
    settings: { edges, perNode, edgesPerChild: EDGES_PER_CHILD, retryAfterMs: 5000, jitterMs: DefaultAdmission.jitterMs, simEdgeBackoff: '250 ms base, 30 s cap, full jitter' },
    data: { cases },
    tables: [{
      title: 'Hub 2 opens hub 1\'s store; times in ms from hub 2 listening (edges wait 5-6 s: the GoAway retry-after of hub 1\'s drain)',
      columns: [
        { key: 'case', title: 'case' }, { key: 'edges', title: 'edges', right: true }, { key: 'queued', title: 'queued msgs', right: true },
        { key: 'connected', title: 'all connected ms', right: true }, { key: 'resumed', title: 'all resumed ms', right: true },
        { key: 'storm', title: 'first back → all resumed ms', right: true },
        { key: 'peak', title: 'hub 2 peak RSS MB', right: true }, { key: 'cpu', title: 'hub 2 CPU ms', right: true }, { key: 'scpu', title: 'edges\' CPU ms', right: true },
        { key: 'refused', title: '503 (admission)', right: true }, { key: 'delivered', title: 'delivered', right: true },
        { key: 'dup', title: 'resent dup', right: true }, { key: 'lost', title: 'lost' },
        { key: 'drain', title: 'hub 1 drain ms', right: true }, { key: 'cold', title: 'hub 1 cold connect ms', right: true },
      ],
      rows,
    }],
    summary: [
      `All ${fmt(edges)} edges connected and resumed ${fmt(on.allResumedMs)} ms after the restarted hub listened with admission control (${fmt(on.allResumedMs - on.firstConnectMs)} ms after the first came back), `
        + `${fmt(off.allResumedMs)} ms without (ratio ${fmt1(on.allResumedMs / off.allResumedMs)}×).`,
      `Peak RSS of the restarted hub: ${fmt1(on.peakRssBytes / MB)} MB with admission control, ${fmt1(off.peakRssBytes / MB)} MB without.`,
      `Nothing lost: ${cases.every((c) => !c.lost) ? 'yes' : 'NO'} (every queued message delivered once to the application of its edge, every outbox empty, every edge's own message acked).`,
      'Resent dup: messages an edge received twice after the restart (counted, not delivered twice); held messages were never delivered, so their resend is not one.',
      `CPU during the storm: hub 2 ${fmt(on.hubCpuMs)} ms, the simulated edges' processes ${fmt(on.swarmCpuMs)} ms (admission on): on this 2-core machine the clients, not the hub, set the pace.`,
    ],
    chart: {
      title: `Storm: ${fmt(edges)} edges reconnecting`,
      unit: 'ms from hub 2 listening',
      series: ['all connected', 'all resumed'],
      groups: cases.map((c) => ({ label: c.label, values: [c.allConnectedMs, c.allResumedMs], note: `peak RSS ${fmt1(c.peakRssBytes / MB)} MB` })),
    },
  };
}

async function runCase(label: string, admission: { ratePerSecond: number; burst: number }, edges: number, perNode: number): Promise<StormCase> {
  const dir = makeTemp('storm');
  const nodes = fleetNodes(dir, edges);
  const names = nodes.map((n) => n.node);
  const c: StormCase = {
    label, admission, edges, perNode, coldConnectMs: NaN, drainMs: NaN, drainExitCode: null, rebindWaitMs: NaN, reopenMs: NaN, allConnectedMs: NaN, allResumedMs: NaN, firstConnectMs: NaN,
    peakRssBytes: NaN, rssBeforeBytes: NaN, hubCpuMs: NaN, swarmCpuMs: NaN, refusedAdmission: 0, delivered: 0, expected: edges * perNode, duplicates: 0, queuedLeft: NaN, upAcked: 0, lost: true,
  };
  let hub1: HubChild | null = null;
  let hub2: HubChild | null = null;
  let swarm: Swarm | null = null;
  const deadline = 120_000 + edges * 10;
  try {
    hub1 = await HubChild.start(dir, '127.0.0.1:0', admission);
    const port = hub1.port;
    const t0 = performance.now();
    swarm = await Swarm.start({ url: `ws://127.0.0.1:${port}`, nodes, perChild: EDGES_PER_CHILD, hold: true, backoffBaseMs: 250, backoffCapMs: 30_000 });
    const cold = await pollUntil(() => swarm!.status(), (s) => s.online === edges, deadline, 50);
    if (!cold.met) throw new Error(`only ${cold.value.online} of ${edges} edges connected to hub 1`);
    c.coldConnectMs = performance.now() - t0;
    // Queue K per node; the edges receive and hold them (no ack), so they stay queued.
    await hub1.queue(names, perNode);
    const held = await pollUntil(() => swarm!.status(), (s) => s.held >= edges * perNode, deadline, 100);
    if (!held.met) throw new Error(`edges held ${held.value.held} of ${edges * perNode}`);
    const td = performance.now();
    c.drainExitCode = await hub1.terminate(60_000);
    c.drainMs = performance.now() - td;
    hub1 = null;
    await swarm.hold(false);
    const before = await swarm.status();
    // The port is free at once when every edge dropped its socket first (see cloudhub/drain.ts);
    // sockets the hub had to close itself hold it in TIME_WAIT: retry, and say how long it took.
    const bindStart = performance.now();
    for (;;) {
      try {
        hub2 = await HubChild.start(dir, `127.0.0.1:${port}`, admission);
        break;
      } catch (err) {
        if (!/cannot listen/.test((err as Error).message) || performance.now() - bindStart > 70_000) throw err;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    c.rebindWaitMs = round(performance.now() - bindStart - hub2.openMs, 0);
    const tListen = performance.now();
    c.reopenMs = hub2.openMs;
    c.rssBeforeBytes = hub2.proc().rssBytes;
    const cpu0 = hub2.proc().cpuMs;
    const swarmCpu0 = swarm.cpuMs();
    let connectedAt = NaN;
    let firstAt = NaN;
    const done = await pollUntil(async () => ({ s: await swarm!.status(), h: await hub2!.status() }), ({ s, h }) => {
      const now = performance.now() - tListen;
      if (Number.isNaN(firstAt) && s.connects > before.connects) firstAt = now;
      if (Number.isNaN(connectedAt) && s.online === edges) connectedAt = now;
      return s.online === edges && h.queued === 0 && s.upAcked === edges && s.delivered >= edges * perNode;
    }, deadline, 50);
    c.allResumedMs = done.met ? performance.now() - tListen : NaN;
    c.allConnectedMs = connectedAt;
    c.firstConnectMs = firstAt;
    const p = hub2.proc();
    c.peakRssBytes = p.peakRssBytes;
    c.hubCpuMs = p.cpuMs - cpu0;
    c.swarmCpuMs = swarm.cpuMs() - swarmCpu0;
    c.refusedAdmission = done.value.h.refusedAdmission;
    c.delivered = done.value.s.delivered;
    c.duplicates = done.value.s.duplicates;
    c.queuedLeft = done.value.h.queued;
    c.upAcked = done.value.s.upAcked;
    c.lost = !(done.met && c.delivered === c.expected && c.queuedLeft === 0 && c.upAcked === edges);
    if (!done.met) c.error = `not resumed within ${deadline} ms: online ${done.value.s.online}, queued ${done.value.h.queued}, delivered ${done.value.s.delivered}`;
  } catch (err) {
    c.error = (err as Error).message;
  } finally {
    await swarm?.stop();
    await hub1?.kill();
    await hub2?.terminate(30_000);
    removeTemp(dir);
  }
  for (const k of ['coldConnectMs', 'drainMs', 'reopenMs', 'allConnectedMs', 'allResumedMs', 'firstConnectMs', 'hubCpuMs', 'swarmCpuMs'] as const) c[k] = round(c[k], 0);
  return c;
}
