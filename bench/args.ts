/**
 * Command line of `npm run bench -- <name...> [flags]`. Defaults give the
 * figures the issue asks for; --quick gives a short smoke run of the same cases.
 */
import { fileURLToPath } from 'node:url';
import type { LaneName } from '../index.js';

export const BENCHES = ['latency', 'throughput', 'durable', 'drain', 'footprint', 'mqtt', 'loss', 'storm', 'scale', 'tunnel'] as const;
export type BenchName = (typeof BENCHES)[number];

export interface BenchOptions {
  benches: BenchName[];
  quick: boolean;
  /** Where JSON, Markdown and SVG go. */
  outDir: string;
  /** Latency: seconds of sending per rate; drain: seconds of idle control traffic per round. */
  seconds: number;
  /** Latency: offered rates, msg/s. */
  rates: number[];
  /** Latency: payload size, bytes. */
  latencyBytes: number;
  /** Throughput: messages per case (split evenly over the edges). */
  count: number;
  /** Seconds to wait at most, before each measurement, for other processes to leave the CPU (0: do not wait); 60 s in all per benchmark. */
  waitIdle: number;
  /** Throughput: rounds per case (floor and Isthmus alternate); the median round is reported. */
  repeat: number;
  /** Throughput: the floor server writes each message with its own syscall instead of corking a burst. */
  floorUncorked: boolean;
  /** Throughput: which cases (ids of bench/flow.ts FLOW_CASES); all when empty. */
  cases: string[];
  /** Isthmus lane of latency, throughput and durable. */
  lane: LaneName;
  /** Store benchmarks: most sends issued and not yet durable at once (bench/store/pipelined.ts). */
  inFlight: number;
  /** Drain: messages queued for the offline edge (1 KB, bulk lane). */
  backlog: number;
  /** Drain: control messages per second during the drain and when idle. */
  controlRate: number;
  /** Drain: backlogs queued and drained one after the other; control samples are pooled. */
  drainRounds: number;
  /** Footprint: how many messages to queue, one measurement each. */
  counts: number[];
  /** Footprint: payload bytes of the queued messages. */
  payload: number;
  /** MQTT: paced rate of the latency run, msg/s; messages and PUBACK window of the throughput run. */
  mqttRate: number;
  mqttCount: number;
  mqttWindow: number;
  /** Loss: packet loss rates, percent. */
  losses: number[];
  /** Loss: repetitions of every case. */
  reps: number;
  /** Loss: which systems (all that are installed when empty). */
  systems: string[];
  /** Loss: delay added each way by a user-space delay line, ms (0: none). */
  delayMs: number;
  /** Storm (first value) and scale: simulated edges; null for the benchmark's default. */
  edges: number[] | null;
  /** Storm: messages queued per node before the restart. */
  perNode: number;
  /** Scale: seconds of idle measured per case. */
  idleSeconds: number;
}

export const USAGE = `usage: npm run bench -- <latency|throughput|durable|drain|footprint|mqtt|loss|storm|scale|tunnel|all>... [flags]
  --quick          short run of the same cases (smoke test of the harness)
  --seconds S      latency: seconds per rate; drain: idle seconds per round
                   (default 10, quick 2)
  --rates A,B      latency: offered rates in msg/s (default 20,2000)
  --size BYTES     latency: payload bytes (default 64)
  --count N        throughput, durable: messages per case (default 400000, quick 40000)
  --repeat N       throughput, durable: rounds per case (default 3, quick 1)
  --wait-idle S    before each measurement wait up to S s for a quiet machine,
                   60 s in all per benchmark (default 10, quick 0)
  --floor-corked   throughput: the raw server corks each burst of sends (one
                   write per burst; about 4x faster than the default floor)
  --floor-uncorked throughput: the raw server writes each message on its own,
                   as a plain uWS server does (the default: the issue's ~350k
                   msg/s floor is this one)
  --cases A,B      throughput: only these cases (down-1, down-100, up-1, up-100);
                   durable: down-1, up-1
  --lane LANE      Isthmus lane of latency, throughput, durable (default events)
  --in-flight N    store benchmarks: sends issued and not yet durable (default 2048)
  --backlog N      drain: messages queued for the offline edge (default 100000, quick 20000)
  --control-rate R drain: control msg/s during the drain and idle (default 50);
                   idle is measured for --seconds per round
  --rounds N       drain: backlogs drained one after the other, control
                   samples pooled (default 10, quick 1)
  --counts A,B     footprint: queued messages per measurement (default
                   100000,1000000, quick 20000,100000)
  --payload BYTES  footprint: payload bytes of the queued messages (default 1024)
  --mqtt-rate R    mqtt: latency run rate, msg/s (default 200; --seconds long)
  --mqtt-count N   mqtt: QoS 1 throughput messages (default 50000, quick 5000)
  --mqtt-window N  mqtt: most publishes awaiting PUBACK (default 256)
  --losses A,B     loss: packet loss rates in percent (default 0,1,5,10, quick 0,5);
                   needs root (network namespace + nftables), else lossless only
  --reps N         loss: repetitions of every case (default 2, quick 1)
  --systems A,B    loss: isthmus, isthmus-multipath, floor, mosquitto-bridge,
                   nats-leaf (default: all that are installed)
  --delay MS       loss: add MS each way through a user-space delay line in front
                   of the link port (default 0)
                   loss uses --rates and --size too; samples per run are
                   rate x --seconds, at least 600 (quick 200), at most 10000
  --edges A,B      storm: simulated edges (default 10000, quick 1000); scale: edge
                   counts (default 10000,50000,100000, quick 1000,2000)
  --per-node K     storm: messages queued per node before the restart (default 2)
  --idle-seconds S scale: idle seconds measured per case (default 20, quick 5)
  --out DIR        results folder (default bench/results)`;

const DEFAULT_OUT = fileURLToPath(new URL('../../bench/results/', import.meta.url));

export function parseArgs(argv: readonly string[]): BenchOptions {
  const names: string[] = [];
  const flags = new Map<string, string>();
  let quick = false;
  // The plain floor (one write per message) is the one the issue calibrates at ~350k msg/s.
  let floorUncorked = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') quick = true;
    else if (a === '--floor-uncorked') floorUncorked = true;
    else if (a === '--floor-corked') floorUncorked = false;
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${k} needs a value`);
      flags.set(k, v);
    } else names.push(a);
  }
  for (const k of flags.keys()) {
    if (!['seconds', 'rates', 'size', 'count', 'repeat', 'wait-idle', 'cases', 'lane', 'out', 'in-flight', 'backlog', 'control-rate', 'rounds', 'counts', 'payload', 'mqtt-rate', 'mqtt-count', 'mqtt-window', 'losses', 'reps', 'systems', 'delay', 'edges', 'per-node', 'idle-seconds'].includes(k)) throw new UsageError(`unknown flag --${k}`);
  }
  if (names.length === 0) throw new UsageError('name a benchmark');
  const benches = names.includes('all') ? [...BENCHES] : names.map((n) => {
    if (!(BENCHES as readonly string[]).includes(n)) throw new UsageError(`unknown benchmark "${n}"`);
    return n as BenchName;
  });
  const num = (k: string, dflt: number, min = Number.MIN_VALUE): number => {
    const v = flags.has(k) ? Number(flags.get(k)) : dflt;
    if (!Number.isFinite(v) || v < min) throw new UsageError(`--${k} must be a number of at least ${min === Number.MIN_VALUE ? 'more than 0' : min}`);
    return v;
  };
  const rates = (flags.get('rates') ?? '20,2000').split(',').map(Number);
  if (rates.some((r) => !Number.isFinite(r) || r <= 0)) throw new UsageError('--rates must be positive numbers, comma-separated');
  const lane = (flags.get('lane') ?? 'events') as LaneName;
  if (!['control', 'state', 'events', 'bulk'].includes(lane)) throw new UsageError(`unknown lane "${lane}"`);
  const counts = (flags.get('counts') ?? (quick ? '20000,100000' : '100000,1000000')).split(',').map(Number);
  if (counts.some((n) => !Number.isSafeInteger(n) || n <= 0)) throw new UsageError('--counts must be positive integers, comma-separated');
  return {
    benches: [...new Set(benches)],
    quick,
    outDir: flags.get('out') ?? DEFAULT_OUT,
    seconds: num('seconds', quick ? 2 : 10),
    rates,
    latencyBytes: Math.max(8, Math.floor(num('size', 64))),
    count: Math.floor(num('count', quick ? 40_000 : 400_000)),
    waitIdle: num('wait-idle', quick ? 0 : 10, 0),
    repeat: Math.floor(num('repeat', quick ? 1 : 3)),
    floorUncorked,
    cases: flags.get('cases')?.split(',').filter(Boolean) ?? [],
    lane,
    inFlight: Math.floor(num('in-flight', 2048, 1)),
    backlog: Math.floor(num('backlog', quick ? 20_000 : 100_000, 1)),
    controlRate: num('control-rate', 50),
    drainRounds: Math.floor(num('rounds', quick ? 1 : 10, 1)),
    counts,
    payload: Math.floor(num('payload', 1024, 1)),
    mqttRate: num('mqtt-rate', 200),
    mqttCount: Math.floor(num('mqtt-count', quick ? 5_000 : 50_000, 1)),
    mqttWindow: Math.floor(num('mqtt-window', 256, 1)),
    losses: lossList(flags.get('losses') ?? (quick ? '0,5' : '0,1,5,10')),
    reps: Math.floor(num('reps', quick ? 1 : 2, 1)),
    systems: flags.get('systems')?.split(',').filter(Boolean) ?? [],
    delayMs: num('delay', 0, 0),
    edges: flags.has('edges') ? edgeCounts(flags.get('edges')!) : null,
    perNode: Math.floor(num('per-node', 2, 1)),
    idleSeconds: num('idle-seconds', quick ? 5 : 20),
  };
}

function lossList(text: string): number[] {
  const v = text.split(',').map(Number);
  if (v.some((x) => !Number.isFinite(x) || x < 0 || x > 100)) throw new UsageError('--losses must be percentages from 0 to 100, comma-separated');
  return v;
}

function edgeCounts(text: string): number[] {
  const counts = text.split(',').map(Number);
  if (counts.some((n) => !Number.isSafeInteger(n) || n <= 0)) throw new UsageError('--edges must be positive integers, comma-separated');
  return counts;
}

export class UsageError extends Error {}
