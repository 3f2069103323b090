/**
 * Latency, cloud API -> edge handler -> back: the cloud sends at a fixed rate
 * (open loop), the far end echoes each message on receipt, and the cloud
 * times each one from just before the send call to the arrival of its echo.
 * The raw uWS -> ws floor runs in the same process, the same pacer and the
 * same child-process layout, interleaved rate by rate with Isthmus.
 */
import { performance } from 'node:perf_hooks';
import type { BenchOptions } from './args.js';
import { startFloorEcho, startIsthmusEcho, type EchoTarget } from './echo-targets.js';
import type { RunInfo } from './machine.js';
import { FOREIGN_CPU_WARNING, IDLE_BUDGET_MS, IdleWaiter, MachineMeter } from './machine-load.js';
import { timedEchoes, WARM_UP, warmUpCount } from './timed-echoes.js';
import type { Report } from './report.js';
import { percentiles, round, type Percentiles } from './stats.js';
import { pct } from './format.js';

/** Isthmus p50 must be at most this many times the floor's (issue 2). */
export const P50_TARGET_RATIO = 1.5;
/** How long to wait for echoes still in flight after the last send. */
const GRACE_MS = 3_000;

export interface LatencyRow extends Percentiles {
  system: 'floor' | 'isthmus';
  rate: number;
  sent: number;
  lost: number;
  /** Share of one core used while sending: the cloud side (this process) and the far end (the child). */
  cloudCpu: number;
  edgeCpu: number;
  /** Cores' worth of CPU other processes used meanwhile (noise). */
  foreignCpu: number;
}

interface Measured {
  latencies: number[];
  lost: number;
  cloudCpu: number;
  edgeCpu: number;
  foreignCpu: number;
}

/** One rate's round (bench/timed-echoes.ts), with the CPU each side used meanwhile. */
async function measure(t: EchoTarget, rate: number, count: number, size: number, run: number): Promise<Measured> {
  const meter = new MachineMeter();
  const cpu0 = process.cpuUsage();
  const child0 = t.childCpuMs();
  const t0 = performance.now();
  const { latencies, lost } = await timedEchoes(t, rate, count, size, run, GRACE_MS);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cloudCpu = (cpu.user + cpu.system) / 1000 / ms;
  const edgeCpu = (t.childCpuMs() - child0) / ms;
  const foreignCpu = Math.max(0, meter.busyCores() - cloudCpu - edgeCpu);
  return { latencies, lost, cloudCpu, edgeCpu, foreignCpu };
}

export async function latency(o: BenchOptions, info: RunInfo): Promise<Report> {
  const targets = [await startFloorEcho(), await startIsthmusEcho(o.lane)];
  const rows: LatencyRow[] = [];
  const idle = new IdleWaiter(o.waitIdle * 1000, IDLE_BUDGET_MS);
  let run = 1;
  try {
    for (const t of targets) await measure(t, WARM_UP.rate, warmUpCount(o.quick), o.latencyBytes, run++); // JIT warm-up, discarded
    for (const rate of o.rates) {
      const count = Math.max(1, Math.round(rate * o.seconds));
      for (const t of targets) {
        await idle.wait();
        process.stderr.write(`latency: ${t.system} at ${rate} msg/s for ${o.seconds} s...\n`);
        const m = await measure(t, rate, count, o.latencyBytes, run++);
        rows.push({
          system: t.system, rate, sent: count, lost: m.lost, ...percentiles(m.latencies),
          cloudCpu: m.cloudCpu, edgeCpu: m.edgeCpu, foreignCpu: m.foreignCpu,
        });
      }
    }
  } finally {
    for (const t of targets) await t.close();
  }
  return report(o, info, rows);
}

function report(o: BenchOptions, info: RunInfo, rows: LatencyRow[]): Report {
  const ratios = o.rates.map((rate) => {
    const floor = rows.find((r) => r.rate === rate && r.system === 'floor')!;
    const isthmus = rows.find((r) => r.rate === rate && r.system === 'isthmus')!;
    const ratio = isthmus.p50 / floor.p50;
    return { rate, floorP50: round(floor.p50), isthmusP50: round(isthmus.p50), ratio: round(ratio, 3), target: P50_TARGET_RATIO, pass: ratio <= P50_TARGET_RATIO };
  });
  const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');
  const shown = ['p50', 'p99', 'p999'] as const;
  return {
    name: 'latency',
    title: 'Latency: cloud API -> edge handler -> back (ms)',
    info,
    settings: { waitIdleSeconds: o.waitIdle, rates: o.rates, secondsPerRate: o.seconds, payloadBytes: o.latencyBytes, lane: o.lane, graceMs: GRACE_MS, warmUp: `${warmUpCount(o.quick)} round trips at ${WARM_UP.rate} msg/s per system, discarded` },
    data: { rows: rows.map((r) => roundRow(r)), ratios },
    tables: [{
      title: 'Round trip, ms (open loop, fixed rate)',
      columns: [
        { key: 'system', title: 'system' }, { key: 'rate', title: 'msg/s', right: true },
        { key: 'samples', title: 'samples', right: true }, { key: 'lost', title: 'lost', right: true },
        { key: 'p50', title: 'p50', right: true }, { key: 'p90', title: 'p90', right: true },
        { key: 'p99', title: 'p99', right: true }, { key: 'p999', title: 'p99.9', right: true },
        { key: 'max', title: 'max', right: true },
        { key: 'cpu', title: 'CPU cloud/edge', right: true }, { key: 'foreign', title: 'other CPU', right: true },
      ],
      rows: rows.map((r) => ({
        system: r.system, rate: r.rate, samples: r.samples, lost: r.lost,
        p50: ms(r.p50), p90: ms(r.p90), p99: ms(r.p99), p999: ms(r.p999), max: ms(r.max),
        cpu: `${pct(r.cloudCpu)}/${pct(r.edgeCpu)}`, foreign: pct(r.foreignCpu),
      })),
    }],
    summary: [
      ...ratios.map((r) => `at ${r.rate} msg/s: Isthmus p50 ${r.isthmusP50} ms = ${r.ratio}x the floor's ${r.floorP50} ms (target <= ${r.target}x): ${r.pass ? 'PASS' : 'FAIL'}`),
      ...disturbed(rows),
    ],
    chart: {
      title: `Round-trip latency, ${o.latencyBytes} B payload (lower is better)`,
      unit: 'ms',
      log: true,
      series: ['raw uWS/ws floor', 'Isthmus'],
      groups: o.rates.flatMap((rate) => shown.map((p) => ({
        label: `${rate}/s ${p === 'p999' ? 'p99.9' : p}`,
        values: (['floor', 'isthmus'] as const).map((s) => rows.find((r) => r.rate === rate && r.system === s)![p]),
      }))),
    },
  };
}


/** Warns about measurements during which other processes used the CPU. */
function disturbed(rows: LatencyRow[]): string[] {
  const bad = rows.filter((r) => r.foreignCpu > FOREIGN_CPU_WARNING);
  if (bad.length === 0) return [];
  return [`WARNING: other processes used up to ${Math.max(...bad.map((r) => r.foreignCpu)).toFixed(2)} cores during ${bad.map((r) => `${r.system}@${r.rate}`).join(', ')}: figures disturbed, rerun on an idle machine`];
}

function roundRow(r: LatencyRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
}
