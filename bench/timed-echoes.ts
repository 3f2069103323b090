/**
 * One open-loop round of timed echoes, shared by the latency and loss
 * benchmarks: message i is sent at its slot (bench/pacer.ts) with the payload
 * [u32 index][u32 run id][padding], and timed from just before the send call
 * to the arrival of its echo. The run id keeps stragglers of an earlier round
 * out of the figures; a second echo of an index counts as a duplicate.
 */
import { performance } from 'node:perf_hooks';
import { paced } from './pacer.js';

/**
 * The warm-up before any timed round, for every system alike: round trips at
 * a high rate, discarded. V8 optimizes a function once it has run enough
 * bytecode; after the 2000 round trips these benchmarks used to warm up with,
 * the message path still ran as baseline code (`perf record` at 20 msg/s:
 * Builtins_LoadIC and the baseline call builtins on top), which is not what a
 * hub that has been up for minutes runs. Per-hop probe at 20 msg/s after N
 * warm-up round trips: 2000: 655 µs, 10,000: 524 µs, 20,000: 461 µs, 50,000:
 * 486 µs (the plateau). `--quick` warms up with a tenth.
 */
export const WARM_UP = { rate: 2000, count: 20_000 } as const;

export function warmUpCount(quick: boolean): number {
  return quick ? WARM_UP.count / 10 : WARM_UP.count;
}

export interface EchoEnds {
  onEcho: (payload: Uint8Array) => void;
  send(payload: Buffer): void;
}

export interface TimedEchoes {
  latencies: number[];
  lost: number;
  duplicates: number;
}

/**
 * Sends `count` payloads at `rate`, waits up to graceMs for the last echoes,
 * then lingerMs more for late copies (duplicates).
 */
export async function timedEchoes(t: EchoEnds, rate: number, count: number, size: number, run: number, graceMs: number, lingerMs = 0): Promise<TimedEchoes> {
  const sentAt = new Float64Array(count);
  const seen = new Uint8Array(count);
  const latencies: number[] = [];
  let duplicates = 0;
  t.onEcho = (p) => {
    const now = performance.now();
    if (p.length < 8) return;
    const dv = new DataView(p.buffer, p.byteOffset, p.byteLength);
    const i = dv.getUint32(0, true);
    if (dv.getUint32(4, true) !== run || i >= count) return;
    if (seen[i]) { duplicates++; return; }
    seen[i] = 1;
    latencies.push(now - sentAt[i]!);
  };
  await paced(rate, count, (i) => {
    const p = Buffer.alloc(Math.max(8, size));
    p.writeUInt32LE(i, 0);
    p.writeUInt32LE(run, 4);
    sentAt[i] = performance.now();
    t.send(p);
  });
  const end = performance.now() + graceMs;
  while (latencies.length < count && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  if (lingerMs > 0) await new Promise((r) => setTimeout(r, lingerMs));
  t.onEcho = () => {};
  return { latencies, lost: count - latencies.length, duplicates };
}
