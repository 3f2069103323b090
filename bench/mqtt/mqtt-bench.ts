/**
 * `npm run bench -- mqtt`: MQTT in at the cloud → MQTT out at the edge, for
 * Isthmus beside a Mosquitto bridge and a NATS leaf node, in the same run:
 * latency p50/p99 at a paced rate, and QoS 1 throughput. The figures are
 * ratios against the Mosquitto bridge measured in the same run (the machine
 * is shared and noisy; absolute numbers mean little).
 */
import os from 'node:os';
import { fmt, ms } from '../format.js';
import { IDLE_BUDGET_MS, IdleWaiter, MachineMeter } from '../machine-load.js';
import type { RunInfo } from '../machine.js';
import type { Report } from '../report.js';
import { medianRound, percentiles, round, type Percentiles } from '../stats.js';
import type { BenchOptions } from '../args.js';
import { connect, measureLatency, measureThroughput, type Clients, type ThroughputResult } from './measure.js';
import { SYSTEMS, type MqttSystem } from './systems.js';

const GRACE_MS = 5_000;
const P50_TARGET = 1.5;

interface LatencyRow extends Percentiles { system: string; rate: number; sent: number; lost: number; duplicates: number; machineCores: number }
interface ThroughputRow extends ThroughputResult { system: string; sent: number; rounds: number[] }

export async function mqttBench(o: BenchOptions, info: RunInfo): Promise<Report> {
  const names = Object.keys(SYSTEMS) as (keyof typeof SYSTEMS)[];
  const systems: { name: string; sys: MqttSystem; c: Clients; latencies: number[]; lost: number; duplicates: number; busy: number[]; rounds: ThroughputResult[] }[] = [];
  // All systems run side by side and are measured in turns, round after round: a burst of load
  // from elsewhere on this shared machine then falls on every system, not on one.
  const perRound = Math.max(1, Math.round((o.mqttRate * o.seconds) / o.repeat));
  const idle = new IdleWaiter(o.waitIdle * 1000, IDLE_BUDGET_MS);
  let run = 1;
  try {
    for (const name of names) {
      process.stderr.write(`mqtt: starting ${name}...\n`);
      const sys = await SYSTEMS[name]();
      const c = await connect(sys).catch(async (err: unknown) => { await sys.stop(); throw err; });
      systems.push({ name, sys, c, latencies: [], lost: 0, duplicates: 0, busy: [], rounds: [] });
      await measureLatency(c, sys, 1000, o.quick ? 300 : 2000, o.latencyBytes, run++, GRACE_MS); // warm-up, discarded
      // And one throughput round, discarded: a fresh LMDB file grows during its first burst (the
      // first round of a durable system measured 8k msg/s, the next ones 22k), and the JIT settles.
      await measureThroughput(c, sys, o.mqttCount, o.mqttWindow, o.latencyBytes, run++, GRACE_MS);
    }
    for (let r = 0; r < o.repeat; r++) {
      for (const s of systems) {
        await idle.wait();
        process.stderr.write(`mqtt: round ${r + 1}/${o.repeat}: ${s.name} latency at ${o.mqttRate} msg/s (${perRound} messages), then QoS 1 throughput (${o.mqttCount} messages)...\n`);
        const meter = new MachineMeter();
        const l = await measureLatency(s.c, s.sys, o.mqttRate, perRound, o.latencyBytes, run++, GRACE_MS);
        s.busy.push(meter.busyCores());
        s.latencies.push(...l.latencies);
        s.lost += l.lost;
        s.duplicates += l.duplicates;
        await idle.wait();
        s.rounds.push(await measureThroughput(s.c, s.sys, o.mqttCount, o.mqttWindow, o.latencyBytes, run++, GRACE_MS));
      }
    }
  } finally {
    for (const s of systems) {
      await s.c.close().catch(() => {});
      await s.sys.stop();
    }
  }
  const latency: LatencyRow[] = systems.map((s) => ({
    system: s.name, rate: o.mqttRate, sent: perRound * o.repeat, lost: s.lost, duplicates: s.duplicates,
    machineCores: s.busy.reduce((a, b) => a + b, 0) / s.busy.length, ...percentiles(s.latencies),
  }));
  const throughput: ThroughputRow[] = systems.map((s) => ({ system: s.name, sent: o.mqttCount, ...medianRound(s.rounds), rounds: s.rounds.map((r) => Math.round(r.msgPerSec)) }));
  return report(o, info, latency, throughput);
}

function report(o: BenchOptions, info: RunInfo, latency: LatencyRow[], throughput: ThroughputRow[]): Report {
  const lat = (s: string): LatencyRow => latency.find((r) => r.system === s)!;
  const thr = (s: string): ThroughputRow => throughput.find((r) => r.system === s)!;
  const p50Ratio = lat('isthmus').p50 / lat('mosquitto-bridge').p50;
  const thrRatio = thr('isthmus').msgPerSec / thr('mosquitto-bridge').msgPerSec;
  const lossNote = [...latency, ...throughput].filter((r) => r.lost > 0 || r.duplicates > 0)
    .map((r) => `${r.system}: ${r.lost} lost, ${r.duplicates} duplicated in the ${'rate' in r ? 'latency' : 'throughput'} run`);
  return {
    name: 'mqtt',
    title: 'MQTT: publish at the cloud -> delivery at the edge (QoS 1)',
    info,
    settings: { rate: o.mqttRate, secondsAtRate: o.seconds, waitIdleSeconds: o.waitIdle, payloadBytes: o.latencyBytes, throughputMessages: o.mqttCount, publishWindow: o.mqttWindow, rounds: o.repeat, graceMs: GRACE_MS },
    data: {
      latency: latency.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]))),
      throughput: throughput.map((r) => ({ ...r, seconds: round(r.seconds), msgPerSec: Math.round(r.msgPerSec) })),
      ratios: { p50VsMosquitto: round(p50Ratio), throughputVsMosquitto: round(thrRatio) },
    },
    tables: [
      {
        title: `Latency, ms: publish at the cloud broker -> delivery at the edge subscriber, ${o.mqttRate} msg/s, ${o.latencyBytes} B (samples of ${o.repeat} rounds pooled)`,
        columns: [
          { key: 'system', title: 'system' }, { key: 'samples', title: 'samples', right: true }, { key: 'lost', title: 'lost', right: true },
          { key: 'p50', title: 'p50', right: true }, { key: 'p90', title: 'p90', right: true }, { key: 'p99', title: 'p99', right: true },
          { key: 'max', title: 'max', right: true }, { key: 'cores', title: 'machine busy (cores)', right: true },
        ],
        rows: latency.map((r) => ({ system: r.system, samples: r.samples, lost: r.lost, p50: ms(r.p50), p90: ms(r.p90), p99: ms(r.p99), max: ms(r.max), cores: r.machineCores.toFixed(2) })),
      },
      {
        title: `QoS 1 throughput: ${fmt(o.mqttCount)} messages, at most ${o.mqttWindow} awaiting PUBACK (median of ${o.repeat})`,
        columns: [
          { key: 'system', title: 'system' }, { key: 'delivered', title: 'delivered', right: true }, { key: 'lost', title: 'lost', right: true },
          { key: 'dup', title: 'duplicates', right: true }, { key: 'seconds', title: 'seconds', right: true },
          { key: 'rate', title: 'msg/s', right: true }, { key: 'rounds', title: 'rounds msg/s' },
        ],
        rows: throughput.map((r) => ({ system: r.system, delivered: r.delivered, lost: r.lost, dup: r.duplicates, seconds: r.seconds.toFixed(2), rate: fmt(r.msgPerSec), rounds: r.rounds.map(fmt).join(' / ') })),
      },
    ],
    summary: [
      `Isthmus p50 ${ms(lat('isthmus').p50)} ms = ${round(p50Ratio, 2)}x the Mosquitto bridge's ${ms(lat('mosquitto-bridge').p50)} ms (target <= ${P50_TARGET}x): ${p50Ratio <= P50_TARGET ? 'PASS' : 'FAIL'}`,
      `Isthmus QoS 1 throughput ${fmt(thr('isthmus').msgPerSec)} msg/s = ${round(thrRatio, 2)}x the Mosquitto bridge's ${fmt(thr('mosquitto-bridge').msgPerSec)} msg/s (target >= 1x): ${thrRatio >= 1 ? 'PASS' : 'FAIL'}`,
      // The like-for-like row: the peers persist nothing here either.
      `Isthmus in-memory (no fsync, as the peers here): p50 ${ms(lat('isthmus-memory').p50)} ms = ${round(lat('isthmus-memory').p50 / lat('mosquitto-bridge').p50, 2)}x, QoS 1 ${fmt(thr('isthmus-memory').msgPerSec)} msg/s = ${round(thr('isthmus-memory').msgPerSec / thr('mosquitto-bridge').msgPerSec, 2)}x the bridge's`,
      `NATS leaf node: p50 ${ms(lat('nats-leaf').p50)} ms, ${fmt(thr('nats-leaf').msgPerSec)} msg/s`,
      ...lossNote,
      ...busyNote(latency),
    ],
    chart: {
      title: `MQTT cloud -> edge latency at ${o.mqttRate} msg/s, QoS 1 (lower is better)`,
      unit: 'ms',
      series: latency.map((r) => r.system),
      groups: (['p50', 'p90', 'p99'] as const).map((k) => ({ label: k, values: latency.map((r) => r[k]) })),
      log: true,
    },
  };
}

/** A run on a machine busy with other work says so: its figures are mostly that work's. */
function busyNote(rows: LatencyRow[]): string[] {
  const busy = Math.max(...rows.map((r) => r.machineCores));
  const cores = os.availableParallelism();
  return busy >= cores * 0.75
    ? [`the machine was busy: up to ${busy.toFixed(2)} of ${cores} cores in use during the latency runs (other processes included); figures are disturbed, rerun on a quiet machine`]
    : [];
}
