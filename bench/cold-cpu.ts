/**
 * `node dist/bench/cold-cpu.js`: what an operation costs on a cold CPU, the
 * state every message of a low-rate stream meets. Each operation runs alone
 * after a sleep (so caches and branch predictors have lost it) and again in
 * a hot loop; the median of 30 cold runs is shown beside the hot cost. The
 * message path avoids what is expensive cold (ARCHITECTURE.md, "Latency").
 */
import { performance } from 'node:perf_hooks';

const SLEEP_MS = 30;
const ROUNDS = 30;
const buf = Buffer.alloc(4096, 97);
const small = Buffer.alloc(64, 1);
const data = new Float64Array(1 << 16).map(Math.random);
const noop = (): void => {};
let at = 0;
const next = (): number => (at = (at + 128) % 3968);

const ops: Record<string, () => unknown> = {
  'nothing (timer overhead)': () => undefined,
  '1000 array reads': () => { let s = 0; for (let i = 0; i < 1000; i++) s += data[(i * 7919) & 0xffff]!; return s; },
  'Date.now()': () => Date.now(),
  'performance.now()': () => performance.now(),
  'Buffer.allocUnsafe(150)': () => Buffer.allocUnsafe(150),
  'Buffer.copyBytesFrom(64 B)': () => Buffer.copyBytesFrom(small),
  'buf.subarray() (a view)': () => buf.subarray(next(), at + 100),
  'buf.set(64 B)': () => buf.set(small, next()),
  'copy 64 B in a JS loop': () => { const o = next(); for (let i = 0; i < 64; i++) buf[o + i] = small[i]!; },
  'buf.latin1Slice(16 B)': () => (buf as Buffer & { latin1Slice(s: number, e: number): string }).latin1Slice(0, 16),
  '16-char string, JS 1 char/call': () => { let s = ''; for (let i = 0; i < 16; i++) s += String.fromCharCode(buf[i]!); return s; },
  '16-char string, JS 8 chars/call': () => String.fromCharCode(buf[0]!, buf[1]!, buf[2]!, buf[3]!, buf[4]!, buf[5]!, buf[6]!, buf[7]!)
    + String.fromCharCode(buf[8]!, buf[9]!, buf[10]!, buf[11]!, buf[12]!, buf[13]!, buf[14]!, buf[15]!),
  'setImmediate()': () => setImmediate(noop),
  'process.nextTick()': () => process.nextTick(noop),
  'setTimeout() + clearTimeout()': () => clearTimeout(setTimeout(noop, 5)),
  'Promise.resolve().then()': () => Promise.resolve().then(noop),
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const cold = new Map<string, number[]>(Object.keys(ops).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, op] of Object.entries(ops)) {
    await new Promise((r) => setTimeout(r, SLEEP_MS));
    const t0 = performance.now();
    op();
    cold.get(name)!.push((performance.now() - t0) * 1000);
  }
}
await new Promise((r) => setImmediate(r)); // let the scheduled callbacks run before the hot loops
process.stdout.write(`operation                        cold (after ${SLEEP_MS} ms asleep)   hot\n`);
for (const [name, op] of Object.entries(ops)) {
  const n = 20_000;
  for (let i = 0; i < 1000; i++) op();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) op();
  const hot = ((performance.now() - t0) * 1000) / n;
  process.stdout.write(`${name.padEnd(32)} ${median(cold.get(name)!).toFixed(1).padStart(8)} µs ${hot.toFixed(2).padStart(14)} µs\n`);
  await new Promise((r) => setImmediate(r));
}
