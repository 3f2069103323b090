/**
 * `npm run bench -- loss`: control-lane round trips over a lossy link, for
 * each system at each loss rate and offered rate, repeated, with the spread.
 * The parent makes the namespace (bench/loss/namespace.ts) and runs one
 * worker per (repetition, loss, system) inside it (bench/loss/worker.ts);
 * systems alternate within each loss rate so drift hits them alike.
 * Without root it says so and runs the lossless part on the host.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from '../args.js';
import type { RunInfo } from '../machine.js';
import type { Report } from '../report.js';
import { round } from '../stats.js';
import { WARM_UP, warmUpCount } from '../timed-echoes.js';
import { LossNamespace, namespaceUnavailable } from './namespace.js';
import { SYSTEM_TITLES, availableSystems, type SystemName } from './systems.js';
import type { RateResult, WorkerResult, WorkerSpec } from './worker.js';

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
const GRACE_MS = 5_000;
/** Targets of issue 6, at 20 msg/s. */
const TARGET_P99_AT_5_MS = 3;
const TARGET_1PCT_RATIO = 1.5;
const TARGET_VS_MOSQUITTO = 20;

interface Row extends RateResult { system: SystemName; lossPct: number; rep: number }

/** Samples per run: enough for a p99 at low rates, a few seconds at high ones. */
function countFor(o: BenchOptions, rate: number): number {
  const [min, max] = o.quick ? [200, 2_000] : [600, 10_000];
  return Math.round(Math.min(max, Math.max(min, rate * o.seconds)));
}

function runWorker(ns: LossNamespace | null, spec: WorkerSpec): Promise<WorkerResult> {
  const budgetMs = spec.rates.reduce((ms, r) => ms + (r.count / r.rate) * 1000 + spec.graceMs + 1_000, 0) + (spec.warmUp / WARM_UP.rate) * 1000 + 60_000;
  const [cmd, ...args] = [...(ns?.wrap ?? []), process.execPath, WORKER, JSON.stringify(spec)];
  return new Promise((resolve, reject) => {
    execFile(cmd!, args, { timeout: budgetMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${spec.system} at ${spec.perMille / 10} % loss: ${err.message}\n${stderr.slice(-2000)}`));
      try { resolve(JSON.parse(stdout.trim().split('\n').pop()!) as WorkerResult); } catch { reject(new Error(`${spec.system}: no result line\n${stderr.slice(-2000)}`)); }
    });
  });
}

export async function loss(o: BenchOptions, info: RunInfo): Promise<Report> {
  const why = namespaceUnavailable();
  const losses = why ? [0] : o.losses;
  if (why) process.stderr.write(`loss: ${why}; running the lossless part only on the host's loopback\n`);
  const { systems, missing } = availableSystems(o.systems, o.delayMs);
  for (const m of missing) process.stderr.write(`loss: skipping ${m}\n`);
  const ns = why ? null : LossNamespace.create();
  const rows: Row[] = [];
  const counters: Record<string, Record<string, number>> = {};
  const total = o.reps * losses.length * systems.length;
  let done = 0;
  const t0 = Date.now();
  try {
    for (let rep = 1; rep <= o.reps; rep++) {
      for (const lossPct of losses) {
        for (const system of systems) {
          const eta = done ? Math.round(((Date.now() - t0) / done) * (total - done) / 1000) : NaN;
          process.stderr.write(`loss: [${done + 1}/${total}] ${system} at ${lossPct} % loss, repetition ${rep}${Number.isFinite(eta) ? `, about ${eta} s left` : ''}\n`);
          const r = await runWorker(ns, {
            system, perMille: Math.round(lossPct * 10), lossy: ns !== null, payloadBytes: o.latencyBytes, graceMs: GRACE_MS + 4 * o.delayMs, delayMs: o.delayMs,
            rates: o.rates.map((rate) => ({ rate, count: countFor(o, rate) })), warmUp: warmUpCount(o.quick),
          });
          for (const x of r.results) rows.push({ ...x, system, lossPct, rep });
          counters[`${system}@${lossPct}%#${rep}`] = r.counters;
          done++;
        }
      }
    }
  } finally {
    ns?.remove();
  }
  return report(o, info, rows, counters, systems, losses, why);
}

interface Summary {
  system: SystemName; lossPct: number; rate: number; samples: number; lost: number; duplicates: number;
  p50: number; p90: number; p99: number; p999: number; max: number; p99Min: number; p99Max: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

/** Repetitions pooled: the median of each percentile, the spread of p99, lost and duplicates summed. */
function summarize(rows: Row[], systems: SystemName[], losses: number[], rates: number[]): Summary[] {
  const out: Summary[] = [];
  for (const rate of rates) {
    for (const lossPct of losses) {
      for (const system of systems) {
        const rs = rows.filter((r) => r.system === system && r.lossPct === lossPct && r.rate === rate);
        if (!rs.length) continue;
        const p99s = rs.map((r) => r.p99);
        out.push({
          system, lossPct, rate, samples: rs.reduce((n, r) => n + r.samples, 0),
          lost: rs.reduce((n, r) => n + r.lost, 0), duplicates: rs.reduce((n, r) => n + r.duplicates, 0),
          p50: median(rs.map((r) => r.p50)), p90: median(rs.map((r) => r.p90)), p99: median(p99s),
          p999: median(rs.map((r) => r.p999)), max: Math.max(...rs.map((r) => r.max)),
          p99Min: Math.min(...p99s), p99Max: Math.max(...p99s),
        });
      }
    }
  }
  return out;
}

function targets(s: Summary[], why: string | null): string[] {
  const at = (system: SystemName, lossPct: number): Summary | undefined => s.find((r) => r.system === system && r.lossPct === lossPct && r.rate === 20);
  const out: string[] = [];
  if (why) out.push(`lossless part only: ${why}`);
  const mp5 = at('isthmus-multipath', 5);
  if (mp5) out.push(`multipath p99 at 5 % loss, 20 msg/s: ${round(mp5.p99)} ms (target <= ${TARGET_P99_AT_5_MS} ms): ${mp5.p99 <= TARGET_P99_AT_5_MS ? 'PASS' : 'FAIL'}`);
  const mp0 = at('isthmus-multipath', 0);
  const mp1 = at('isthmus-multipath', 1);
  if (mp0 && mp1) {
    const ratio = mp1.p99 / mp0.p99;
    out.push(`multipath p99 at 1 % loss = ${round(ratio, 2)}x its lossless p99 (${round(mp1.p99)} vs ${round(mp0.p99)} ms; target <= ${TARGET_1PCT_RATIO}x): ${ratio <= TARGET_1PCT_RATIO ? 'PASS' : 'FAIL'}`);
  }
  const mq5 = at('mosquitto-bridge', 5);
  if (mp5 && mq5) {
    const ratio = mq5.p99 / mp5.p99;
    out.push(`at 5 % loss the Mosquitto bridge's p99 is ${round(ratio, 1)}x multipath's (${round(mq5.p99)} vs ${round(mp5.p99)} ms; target >= ${TARGET_VS_MOSQUITTO}x): ${ratio >= TARGET_VS_MOSQUITTO ? 'PASS' : 'FAIL'}`);
  }
  for (const sys of ['isthmus', 'isthmus-multipath'] as SystemName[]) {
    const bad = s.filter((r) => r.system === sys && (r.lost || r.duplicates));
    if (s.some((r) => r.system === sys)) out.push(`${SYSTEM_TITLES[sys]}: ${bad.length ? `LOST or DUPLICATED in ${bad.map((r) => `${r.lossPct}%@${r.rate}/s`).join(', ')}: FAIL` : 'nothing lost, nothing duplicated: PASS'}`);
  }
  return out;
}

function report(o: BenchOptions, info: RunInfo, rows: Row[], counters: Record<string, Record<string, number>>, systems: SystemName[], losses: number[], why: string | null): Report {
  const s = summarize(rows, systems, losses, o.rates);
  const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '-');
  const chartRate = o.rates.includes(20) ? 20 : o.rates[0]!;
  return {
    name: `loss-${info.date.slice(0, 10)}`,
    title: `Control-lane round trip over a lossy link (ms)${o.delayMs ? `, +${2 * o.delayMs} ms RTT from a delay line` : ''}`,
    info,
    settings: {
      losses, rates: o.rates, repetitions: o.reps, samplesPerRun: Object.fromEntries(o.rates.map((r) => [r, countFor(o, r)])),
      payloadBytes: o.latencyBytes, graceMs: GRACE_MS, delayMsEachWay: o.delayMs,
      warmUp: `${warmUpCount(o.quick)} round trips at ${WARM_UP.rate} msg/s without loss, then 200 at 200 msg/s under the loss, per system and case, discarded`,
      delayLine: o.delayMs > 0 ? 'user-space TCP proxy in front of the link port: TCP sees the delay as the application\'s, so its retransmission timers stay loopback-sized' : 'none',
      lossRule: 'nft: tcp dport|sport LINKPORT numgen random mod 1000 < N drop, in a private netns on lo',
    },
    data: { summary: s.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]))), runs: rows.map((r) => ({ ...r, p50: round(r.p50), p90: round(r.p90), p99: round(r.p99), p999: round(r.p999), max: round(r.max), min: round(r.min), mean: round(r.mean) })), counters },
    tables: o.rates.map((rate) => ({
      title: `${rate} msg/s: round trip cloud -> edge -> cloud, ms (median of ${o.reps} repetition(s); p99 spread min-max)`,
      columns: [
        { key: 'system', title: 'system' }, { key: 'loss', title: 'loss', right: true },
        { key: 'samples', title: 'samples', right: true },
        { key: 'p50', title: 'p50', right: true }, { key: 'p90', title: 'p90', right: true },
        { key: 'p99', title: 'p99', right: true }, { key: 'spread', title: 'p99 spread', right: true },
        { key: 'p999', title: 'p99.9', right: true }, { key: 'max', title: 'max', right: true },
        { key: 'lost', title: 'lost', right: true }, { key: 'dup', title: 'dup', right: true },
      ],
      rows: s.filter((r) => r.rate === rate).map((r) => ({
        system: SYSTEM_TITLES[r.system], loss: `${r.lossPct} %`, samples: r.samples,
        p50: ms(r.p50), p90: ms(r.p90), p99: ms(r.p99), spread: `${ms(r.p99Min)}-${ms(r.p99Max)}`,
        p999: ms(r.p999), max: ms(r.max), lost: r.lost, dup: r.duplicates,
      })),
    })),
    summary: o.delayMs ? ['the targets are for loopback without added delay; this run adds a delay line, so none is checked'] : targets(s, why),
    chart: {
      title: `p99 round trip against packet loss, ${chartRate} msg/s (lower is better)`,
      unit: 'ms',
      xLabel: 'packets dropped on the link port, each direction',
      xs: losses,
      xText: (x) => `${x} %`,
      lines: systems.map((system) => ({
        name: SYSTEM_TITLES[system],
        values: losses.map((l) => s.find((r) => r.system === system && r.lossPct === l && r.rate === chartRate)?.p99 ?? NaN),
      })),
    },
  };
}
