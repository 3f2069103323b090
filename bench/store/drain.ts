/**
 * Drain after reconnect (issue 3): the cloud hub (this process, lmdb store)
 * queues a backlog of 1 KB bulk messages for an edge that is offline, then
 * the edge (a forked child, lmdb store, bench/store/roles.ts store-drain-edge)
 * reconnects; the drain ends when the last backlog message is acknowledged.
 * Meanwhile the cloud sends control messages at a fixed rate (open loop) that
 * the edge echoes on the control lane: their round trip during the drain is
 * compared with the same round trip measured idle (same processes, edge
 * online, nothing queued), just before each backlog is queued.
 *
 * Every control message is timed from just before hub.send() to the echo's
 * 'message' event: it includes both durable appends (the cloud's outbox and
 * the edge's), as a controller sees it. The edge stamps its receive time in
 * the echo, so the one-way time cloud send -> edge handler is shown too (both
 * processes read the same clock; sub-ms error). `queued` is the time
 * hub.send() takes to resolve (the durable append alone).
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { CloudHub, type InboundMessage } from '../../index.js';
import { windowFor } from '../acked-window.js';
import type { BenchOptions } from '../args.js';
import { Peer } from '../child.js';
import { until, withDeadline } from '../deadline.js';
import type { RunInfo } from '../machine.js';
import { FOREIGN_CPU_WARNING, IDLE_BUDGET_MS, IdleWaiter, MachineMeter } from '../machine-load.js';
import { paced } from '../pacer.js';
import type { Report } from '../report.js';
import { percentiles, round, type Percentiles } from '../stats.js';
import { makeTemp, removeTemp } from './measure.js';
import { sendPipelined } from './pipelined.js';
import { ECHO_STAMP_OFFSET } from './roles.js';
import { ms, fmt, pct } from '../format.js';

const NODE = 'edge-drain';
const BULK_BYTES = 1024;
/** Control payload: [u32 index][u32 run][f64 edge receive time]. */
const CONTROL_BYTES = 16;
/** How long to wait for echoes still in flight after the last control send. */
const GRACE_MS = 3_000;

interface Samples {
  sent: number;
  rtt: number[];
  oneWay: number[];
  queued: number[];
  errors: string[];
}

/** Sends control messages and collects their echoes, one run at a time. */
class ControlProbe {
  private run = 0;
  private sentAt = new Float64Array(0);
  private seen = new Uint8Array(0);
  private s: Samples = { sent: 0, rtt: [], oneWay: [], queued: [], errors: [] };

  constructor(private readonly hub: CloudHub) {
    hub.on('message', (node, m) => { if (node === NODE && m.lane === 'control') this.echo(m); });
  }

  start(max: number): void {
    this.run++;
    this.sentAt = new Float64Array(max);
    this.seen = new Uint8Array(max);
    this.s = { sent: 0, rtt: [], oneWay: [], queued: [], errors: [] };
  }

  readonly fire = (i: number): void => {
    if (i >= this.sentAt.length) return;
    const p = Buffer.alloc(CONTROL_BYTES);
    p.writeUInt32LE(i, 0);
    p.writeUInt32LE(this.run, 4);
    const s = this.s;
    const t = performance.now();
    this.sentAt[i] = t;
    s.sent++;
    this.hub.send(NODE, { lane: 'control', payload: p }).then(
      () => { s.queued.push(performance.now() - t); },
      (err: Error) => { s.errors.push(err.message); },
    );
  };

  private echo(m: InboundMessage): void {
    const now = performance.now();
    const p = m.payload;
    if (p.length < CONTROL_BYTES) return;
    const dv = new DataView(p.buffer, p.byteOffset, p.byteLength);
    const i = dv.getUint32(0, true);
    if (dv.getUint32(4, true) !== this.run || i >= this.sentAt.length || this.seen[i]) return;
    this.seen[i] = 1;
    this.s.rtt.push(now - this.sentAt[i]!);
    this.s.oneWay.push(dv.getFloat64(ECHO_STAMP_OFFSET, true) - (performance.timeOrigin + this.sentAt[i]!));
  }

  complete(): boolean {
    return this.s.rtt.length + this.s.errors.length >= this.s.sent;
  }

  /** Waits (bounded) for the echoes still in flight, then hands the samples over. */
  async finish(): Promise<Samples> {
    await until(() => this.complete(), GRACE_MS, 'control echoes').catch(() => {});
    const s = this.s;
    this.run++; // late echoes no longer count
    return s;
  }
}

/** Like bench/pacer.ts paced(), but stops as soon as more() says so. */
function pacedWhile(rate: number, max: number, fire: (i: number) => void, more: () => boolean): Promise<number> {
  const interval = 1000 / rate;
  const start = performance.now();
  let i = 0;
  return new Promise((resolve) => {
    const tick = (): void => {
      if (!more()) return resolve(i);
      const due = Math.min(max, Math.floor((performance.now() - start) / interval) + 1);
      while (i < due) fire(i++);
      if (i >= max) return resolve(i);
      setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
    };
    tick();
  });
}

interface Load {
  /** Share of one core: the cloud hub (this process) and the edge (child). */
  cloudCpu: number;
  edgeCpu: number;
  foreignCpu: number;
}

class LoadMeter {
  private readonly meter = new MachineMeter();
  private readonly cpu0 = process.cpuUsage();
  private readonly child0: number;
  private readonly t0 = performance.now();
  constructor(private readonly peer: Peer) { this.child0 = peer.cpuMs(); }
  stop(): Load {
    const ms = performance.now() - this.t0;
    const c = process.cpuUsage(this.cpu0);
    const cloudCpu = (c.user + c.system) / 1000 / ms;
    const edgeCpu = (this.peer.cpuMs() - this.child0) / ms;
    return { cloudCpu, edgeCpu, foreignCpu: Math.max(0, this.meter.busyCores() - cloudCpu - edgeCpu) };
  }
}

interface IdleRound extends Load {
  samples: Samples;
}

interface DrainRound extends Load {
  backlog: number;
  /** Queuing the backlog for the offline edge. */
  queueMs: number;
  /** `go` to the hub's 'online' event: the edge hub starting and its handshake. */
  connectMs: number;
  /** 'online' to the last backlog message acknowledged. */
  drainMs: number;
  msgPerSec: number;
  mbPerSec: number;
  /** Bulk messages the edge's handler counted during this round (should be the backlog). */
  edgeCounted: number;
  samples: Samples;
  error?: string;
}

/** One `go` to the drain edge: it connects or closes, and says so. */
async function toggle(peer: Peer, online: boolean): Promise<Record<string, unknown>> {
  peer.send({ type: 'go' });
  const d = await peer.next('done', 60_000);
  const detail = d.detail ?? {};
  if (detail.online !== online) throw new Error(`drain edge: expected online=${online}, got ${String(detail.online)}`);
  return detail;
}

async function idleRound(probe: ControlProbe, peer: Peer, rate: number, seconds: number): Promise<IdleRound> {
  const count = Math.max(1, Math.round(rate * seconds));
  probe.start(count);
  const load = new LoadMeter(peer);
  await paced(rate, count, probe.fire);
  const samples = await probe.finish();
  return { ...load.stop(), samples };
}

async function drainRound(hub: CloudHub, probe: ControlProbe, peer: Peer, o: BenchOptions, idle: IdleWaiter, deadlineMs: number): Promise<DrainRound> {
  await toggle(peer, false);
  const payload = Buffer.alloc(BULK_BYTES, 0x62);
  const tq = performance.now();
  const { last } = await sendPipelined(o.backlog, () => hub.send(NODE, { lane: 'bulk', payload }), { inFlight: o.inFlight, every: 1, marks: Infinity });
  const queueMs = performance.now() - tq;
  const depth = hub.node(NODE)?.lanes.bulk.messages ?? 0;
  if (depth < o.backlog) throw new Error(`only ${depth} of ${o.backlog} backlog messages queued (lane bounds?)`);
  await idle.wait();

  let drained = false;
  let onlineAt = NaN;
  let pacer: Promise<number> = Promise.resolve(0);
  probe.start(Math.ceil((o.controlRate * deadlineMs) / 1000) + 1);
  const onOnline = (node: string): void => {
    if (node !== NODE || Number.isFinite(onlineAt)) return;
    onlineAt = performance.now();
    pacer = pacedWhile(o.controlRate, Number.MAX_SAFE_INTEGER, probe.fire, () => !drained);
  };
  hub.on('online', onOnline);
  const load = new LoadMeter(peer);
  const t0 = performance.now();
  let endAt = NaN;
  let error: string | undefined;
  try {
    const [, delivery] = await withDeadline(Promise.all([toggle(peer, true), last!.delivered]), deadlineMs, 'drain: last backlog message acknowledged');
    endAt = performance.now();
    if (delivery.status !== 'delivered') error = `last backlog message ${delivery.status} (${delivery.reason ?? ''})`;
  } catch (err) {
    error = (err as Error).message;
  } finally {
    drained = true;
    hub.off('online', onOnline);
  }
  const l = load.stop();
  await pacer;
  const samples = await probe.finish();
  const drainMs = endAt - onlineAt;
  // edgeCounted: filled in by the caller from the edge's next answer.
  return {
    ...l, backlog: o.backlog, queueMs, connectMs: onlineAt - t0, drainMs,
    msgPerSec: o.backlog / (drainMs / 1000), mbPerSec: (o.backlog * BULK_BYTES) / (drainMs / 1000) / 1e6,
    edgeCounted: NaN, samples, ...(error ? { error } : {}),
  };
}

export async function drain(o: BenchOptions, info: RunInfo): Promise<Report> {
  const idle = new IdleWaiter(o.waitIdle * 1000, IDLE_BUDGET_MS);
  const dir = makeTemp('drain');
  const deadlineMs = o.quick ? 60_000 : 300_000;
  let hub: CloudHub | null = null;
  let peer: Peer | null = null;
  const idles: IdleRound[] = [];
  const drains: DrainRound[] = [];
  try {
    // The bulk lane's default bounds (1M messages, 256 MiB) would drop the oldest of a larger backlog.
    const bulk = { maxMessages: Math.max(1_000_000, o.backlog + 100_000), maxBytes: Math.max(256 * 2 ** 20, (o.backlog + 100_000) * 2048) };
    hub = await CloudHub.start({ listen: '127.0.0.1:0', dataDir: join(dir, 'cloud'), log: 'silent', insecure: 'dev', lanes: { bulk } });
    const h = hub;
    const probe = new ControlProbe(h);
    peer = await Peer.start({
      role: 'store-drain-edge', url: h.url, clients: 1, perClient: 0, payloadBytes: 0,
      nodes: [{ node: NODE, token: h.mintToken(NODE) }], dataDir: join(dir, 'edge'), store: 'lmdb',
    });
    await toggle(peer, true);
    // JIT warm-up of both paths, discarded: control echoes, and bulk messages sent and acked online.
    process.stderr.write('drain: warming up...\n');
    await idleRound(probe, peer, 500, o.quick ? 1 : 3);
    const payload = Buffer.alloc(BULK_BYTES, 0x62);
    await sendPipelined(o.quick ? 5_000 : 20_000, () => h.send(NODE, { lane: 'bulk', payload }), { ...windowFor(1, 'bulk'), inFlight: o.inFlight });
    // The edge counts every bulk message its handler gets: the warm-up's, then each round's backlog.
    let counted = Number((await toggle(peer, false)).others);
    await toggle(peer, true);
    for (let r = 0; r < o.drainRounds; r++) {
      await idle.wait();
      process.stderr.write(`drain: round ${r + 1}/${o.drainRounds}: control at ${o.controlRate}/s idle for ${o.seconds} s...`);
      idles.push(await idleRound(probe, peer, o.controlRate, o.seconds));
      process.stderr.write(` queuing ${o.backlog} for the offline edge...`);
      const d = await drainRound(h, probe, peer, o, idle, deadlineMs);
      drains.push(d);
      process.stderr.write(` drained in ${(d.drainMs / 1000).toFixed(2)} s${d.error ? ` (${d.error})` : ''}\n`);
      if (d.error) break;
      const total = Number((await toggle(peer, false)).others);
      d.edgeCounted = total - counted;
      counted = total;
      await toggle(peer, true);
    }
  } finally {
    await peer?.stop();
    await hub?.close();
    removeTemp(dir);
  }
  return report(o, info, idles, drains);
}


function pool(rounds: { samples: Samples }[]): { sent: number; errors: number; rtt: Percentiles; oneWay: Percentiles; queued: Percentiles } {
  const all = (k: 'rtt' | 'oneWay' | 'queued'): number[] => rounds.flatMap((r) => r.samples[k]);
  return {
    sent: rounds.reduce((a, r) => a + r.samples.sent, 0),
    errors: rounds.reduce((a, r) => a + r.samples.errors.length, 0),
    rtt: percentiles(all('rtt')), oneWay: percentiles(all('oneWay')), queued: percentiles(all('queued')),
  };
}

function medianOf(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)]! : NaN;
}

function roundPct(p: Percentiles): Record<string, number> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, round(v)]));
}

function report(o: BenchOptions, info: RunInfo, idles: IdleRound[], drains: DrainRound[]): Report {
  const idle = pool(idles);
  const during = pool(drains);
  const ratio = during.rtt.p99 / idle.rtt.p99;
  const drainMs = medianOf(drains.map((d) => d.drainMs));
  const rate = o.backlog / (drainMs / 1000);
  const conditions = [['idle (nothing queued)', idle, idles], ['during the drain', during, drains]] as const;
  const foreign = Math.max(0, ...[...idles, ...drains].map((r) => r.foreignCpu).filter(Number.isFinite));
  return {
    name: 'drain',
    title: `Drain of a ${fmt(o.backlog)}-message backlog after reconnect, and control latency meanwhile`,
    info,
    settings: {
      backlog: o.backlog, bulkPayloadBytes: BULK_BYTES, rounds: o.drainRounds, controlRate: o.controlRate, idleSecondsPerRound: o.seconds,
      controlPayloadBytes: CONTROL_BYTES, sendsInFlight: o.inFlight, waitIdleSeconds: o.waitIdle, stores: 'lmdb on both hubs',
      latency: 'round trip: hub.send(control) -> edge handler -> edge.publish(control) -> hub message event',
    },
    data: {
      drainMsMedian: round(drainMs), msgPerSecMedian: Math.round(rate), controlP99Ratio: round(ratio, 3),
      idle: { sent: idle.sent, errors: idle.errors, rtt: roundPct(idle.rtt), oneWay: roundPct(idle.oneWay), queued: roundPct(idle.queued) },
      during: { sent: during.sent, errors: during.errors, rtt: roundPct(during.rtt), oneWay: roundPct(during.oneWay), queued: roundPct(during.queued) },
      rounds: drains.map((d, i) => ({
        backlog: d.backlog, queueMs: round(d.queueMs), queueMsgPerSec: Math.round(d.backlog / (d.queueMs / 1000)),
        connectMs: round(d.connectMs), drainMs: round(d.drainMs), msgPerSec: Math.round(d.msgPerSec), mbPerSec: round(d.mbPerSec, 1),
        edgeCounted: d.edgeCounted, cloudCpu: round(d.cloudCpu, 2), edgeCpu: round(d.edgeCpu, 2), foreignCpu: round(d.foreignCpu, 2),
        control: { sent: d.samples.sent, received: d.samples.rtt.length, errors: d.samples.errors.slice(0, 5), rtt: roundPct(percentiles(d.samples.rtt)) },
        idleBefore: idles[i] ? { cloudCpu: round(idles[i]!.cloudCpu, 2), edgeCpu: round(idles[i]!.edgeCpu, 2), rtt: roundPct(percentiles(idles[i]!.samples.rtt)) } : null,
        ...(d.error ? { error: d.error } : {}),
      })),
    },
    tables: [
      {
        title: `Drain per round: ${fmt(o.backlog)} x ${BULK_BYTES} B on the bulk lane, queued while the edge was offline`,
        columns: [
          { key: 'round', title: 'round', right: true }, { key: 'queue', title: 'queue s (msg/s)', right: true },
          { key: 'connect', title: 'reconnect ms', right: true }, { key: 'drain', title: 'drain s', right: true },
          { key: 'rate', title: 'drain msg/s', right: true }, { key: 'mb', title: 'MB/s', right: true },
          { key: 'cpu', title: 'CPU cloud/edge', right: true }, { key: 'control', title: 'control n', right: true },
          { key: 'p50', title: 'ctl p50 ms', right: true }, { key: 'p99', title: 'ctl p99 ms', right: true },
          { key: 'idleP99', title: 'idle p99 ms', right: true }, { key: 'foreign', title: 'other CPU', right: true },
        ],
        rows: drains.map((d, i) => {
          const p = percentiles(d.samples.rtt);
          return {
            round: i + 1, queue: `${(d.queueMs / 1000).toFixed(2)} (${fmt(d.backlog / (d.queueMs / 1000))})`,
            connect: ms(d.connectMs), drain: (d.drainMs / 1000).toFixed(2) + (d.error ? ` (${d.error.slice(0, 30)})` : ''),
            rate: fmt(d.msgPerSec), mb: d.mbPerSec.toFixed(1), cpu: `${pct(d.cloudCpu)}/${pct(d.edgeCpu)}`,
            control: d.samples.rtt.length, p50: ms(p.p50), p99: ms(p.p99),
            idleP99: ms(idles[i] ? percentiles(idles[i]!.samples.rtt).p99 : NaN), foreign: pct(d.foreignCpu),
          };
        }),
      },
      {
        title: `Control lane at ${o.controlRate} msg/s, all rounds pooled, ms: round trip, one way (cloud send -> edge handler), and the durable append alone (hub.send resolving)`,
        columns: [
          { key: 'cond', title: 'condition' }, { key: 'n', title: 'samples', right: true }, { key: 'lost', title: 'lost', right: true },
          { key: 'p50', title: 'RTT p50', right: true }, { key: 'p90', title: 'RTT p90', right: true },
          { key: 'p99', title: 'RTT p99', right: true }, { key: 'max', title: 'RTT max', right: true },
          { key: 'ow50', title: '1-way p50', right: true }, { key: 'ow99', title: '1-way p99', right: true },
          { key: 'q50', title: 'append p50', right: true }, { key: 'q99', title: 'append p99', right: true },
        ],
        rows: conditions.map(([cond, p]) => ({
          cond, n: p.rtt.samples, lost: p.sent - p.rtt.samples,
          p50: ms(p.rtt.p50), p90: ms(p.rtt.p90), p99: ms(p.rtt.p99), max: ms(p.rtt.max),
          ow50: ms(p.oneWay.p50), ow99: ms(p.oneWay.p99), q50: ms(p.queued.p50), q99: ms(p.queued.p99),
        })),
      },
    ],
    summary: [
      `drain of ${fmt(o.backlog)} x ${BULK_BYTES} B: ${(drainMs / 1000).toFixed(2)} s from reconnect to the last ack = ${fmt(rate)} msg/s (median of ${drains.length} round(s))`,
      `control round trip during the drain: p50 ${ms(during.rtt.p50)} ms, p99 ${ms(during.rtt.p99)} ms (${during.rtt.samples} samples); idle: p50 ${ms(idle.rtt.p50)} ms, p99 ${ms(idle.rtt.p99)} ms (${idle.rtt.samples} samples); p99 during / idle = ${Number.isFinite(ratio) ? ratio.toFixed(2) : '-'}x`,
      ...(during.sent - during.rtt.samples + idle.sent - idle.rtt.samples > 0 ? [`WARNING: ${during.sent - during.rtt.samples + idle.sent - idle.rtt.samples} control messages had no echo within the grace period`] : []),
      ...drains.filter((d) => d.error).map((d) => `ERROR: ${d.error}`),
      ...drains.filter((d) => !d.error && d.edgeCounted !== d.backlog).map((d) => `WARNING: the edge's handler counted ${d.edgeCounted} bulk messages in a round, not ${d.backlog}`),
      ...(foreign > FOREIGN_CPU_WARNING ? [`WARNING: other processes used up to ${foreign.toFixed(2)} cores during the measurements: figures disturbed, rerun on an idle machine`] : []),
    ],
    chart: {
      title: `Control-lane latency at ${o.controlRate} msg/s: idle vs during a ${fmt(o.backlog)}-message drain (lower is better)`,
      unit: 'ms',
      log: true,
      series: ['idle', 'during the drain'],
      groups: (['p50', 'p99'] as const).flatMap((q) => [
        { label: `round trip ${q}`, values: [idle.rtt[q], during.rtt[q]] },
        { label: `one way ${q}`, values: [idle.oneWay[q], during.oneWay[q]] },
        { label: `append ${q}`, values: [idle.queued[q], during.queued[q]] },
      ]),
    },
  };
}
