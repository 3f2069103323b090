/**
 * Command line of `npm run bench -- <name...> [flags]`. Defaults give the
 * figures the issue asks for; --quick gives a short smoke run of the same cases.
 */
import { fileURLToPath } from 'node:url';
import type { LaneName } from '../index.js';

export const BENCHES = ['latency', 'throughput'] as const;
export type BenchName = (typeof BENCHES)[number];

export interface BenchOptions {
  benches: BenchName[];
  quick: boolean;
  /** Where JSON, Markdown and SVG go. */
  outDir: string;
  /** Latency: seconds of sending per rate. */
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
  /** Isthmus lane used by both benchmarks. */
  lane: LaneName;
}

export const USAGE = `usage: npm run bench -- <latency|throughput|all>... [flags]
  --quick          short run of the same cases (smoke test of the harness)
  --seconds S      latency: seconds per rate (default 10, quick 2)
  --rates A,B      latency: offered rates in msg/s (default 20,2000)
  --size BYTES     latency: payload bytes (default 64)
  --count N        throughput: messages per case (default 400000, quick 40000)
  --repeat N       throughput: rounds per case, median reported (default 3, quick 1)
  --wait-idle S    before each measurement wait up to S s for a quiet machine,
                   60 s in all per benchmark (default 10, quick 0)
  --floor-corked   throughput: the raw server corks each burst of sends (one
                   write per burst; about 4x faster than the default floor)
  --floor-uncorked throughput: the raw server writes each message on its own,
                   as a plain uWS server does (the default: the issue's ~350k
                   msg/s floor is this one)
  --cases A,B      throughput: only these cases (down-1, down-100, up-1, up-100)
  --lane LANE      Isthmus lane (default events)
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
    if (!['seconds', 'rates', 'size', 'count', 'repeat', 'wait-idle', 'cases', 'lane', 'out'].includes(k)) throw new UsageError(`unknown flag --${k}`);
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
  };
}

export class UsageError extends Error {}
