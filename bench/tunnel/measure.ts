/**
 * The four measurements, the same for every system: each takes `open`, which
 * gives a byte stream to one of the targets (a direct TCP connection, one
 * through ssh -R, or a tunnel stream).
 */
import type { Duplex } from 'node:stream';
import { percentiles, type Percentiles } from '../stats.js';
import type { TargetPorts } from './targets.js';

export type Open = (target: keyof TargetPorts) => Promise<Duplex>;

function header(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

const BLOCK = Buffer.alloc(256 * 1024, 0xa5);

/** Sends `bytes` to the sink and waits for its "k": Gbit/s. */
export async function throughputUp(open: Open, bytes: number): Promise<number> {
  const s = await open('sink');
  const start = performance.now();
  const done = new Promise<void>((resolve, reject) => { s.once('data', () => resolve()); s.once('error', reject); });
  s.write(header(bytes));
  let left = bytes;
  while (left > 0) {
    const chunk = left >= BLOCK.length ? BLOCK : BLOCK.subarray(0, left);
    left -= chunk.length;
    if (!s.write(chunk)) await new Promise((r) => s.once('drain', r));
  }
  await done;
  const ms = performance.now() - start;
  s.destroy();
  return (bytes * 8) / (ms / 1000) / 1e9;
}

/** Asks the source for `bytes` and reads them all: Gbit/s. */
export async function throughputDown(open: Open, bytes: number): Promise<number> {
  const s = await open('source');
  const start = performance.now();
  let got = 0;
  const done = new Promise<void>((resolve, reject) => {
    s.on('data', (b: Buffer) => { got += b.length; if (got >= bytes) resolve(); });
    s.once('error', reject);
  });
  s.write(header(bytes));
  await done;
  const ms = performance.now() - start;
  s.destroy();
  return (bytes * 8) / (ms / 1000) / 1e9;
}

/** Sequential round trips of `size` bytes through the echo, ms. */
export async function echoRtt(open: Open, count: number, size = 64): Promise<Percentiles> {
  const s = await open('echo');
  const msg = Buffer.alloc(size, 0x61);
  const samples: number[] = [];
  let got = 0;
  let wake: (() => void) | null = null;
  s.on('data', (b: Buffer) => { got += b.length; if (got >= size && wake) { const w = wake; wake = null; w(); } });
  for (let i = 0; i < count; i++) {
    got = 0;
    const back = new Promise<void>((r) => { wake = r; });
    const t0 = performance.now();
    s.write(msg);
    await back;
    samples.push(performance.now() - t0);
  }
  s.destroy();
  return percentiles(samples.slice(Math.min(50, Math.floor(count / 10)))); // the first ones warm up the path
}

/** One open: from asking for a connection to the target's first byte, ms. */
async function openOnce(open: Open): Promise<number> {
  const t0 = performance.now();
  const s = await open('hello');
  await new Promise<void>((resolve, reject) => { s.once('data', () => resolve()); s.once('error', reject); });
  const ms = performance.now() - t0;
  s.destroy();
  return ms;
}

/** From asking for a connection to the target's first byte, ms. */
export async function openToFirstByte(open: Open, count: number): Promise<Percentiles> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await openOnce(open));
  return percentiles(samples);
}

/**
 * Opens of every system taken in turn, sample by sample, and beside them one
 * 64-byte round trip over an already open stream of `roundTrip`'s system:
 * the "one round trip" of the open target, measured at the same pace and
 * under the same load as the opens rather than in a tight loop of echoes.
 */
export async function opensInTurn<K extends string>(opens: Record<K, Open>, roundTrip: Open, count: number): Promise<{ open: Record<K, Percentiles>; roundTrip: Percentiles }> {
  const names = Object.keys(opens) as K[];
  const samples = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const rtts: number[] = [];
  const echo = await roundTrip('echo');
  const msg = Buffer.alloc(64, 0x61);
  let got = 0;
  let wake: (() => void) | null = null;
  echo.on('data', (b: Buffer) => { got += b.length; if (got >= msg.length && wake) { const w = wake; wake = null; w(); } });
  for (let i = 0; i < count; i++) {
    for (const k of names) samples[k].push(await openOnce(opens[k]));
    got = 0;
    const back = new Promise<void>((r) => { wake = r; });
    const t0 = performance.now();
    echo.write(msg);
    await back;
    rtts.push(performance.now() - t0);
  }
  echo.destroy();
  return { open: Object.fromEntries(names.map((k) => [k, percentiles(samples[k])])) as Record<K, Percentiles>, roundTrip: percentiles(rtts) };
}

/** `n` connections at once, each echoing `size` bytes: wall time, ms. */
export async function concurrent(open: Open, n: number, size: number): Promise<number> {
  const msg = Buffer.alloc(size, 0x62);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, async () => {
    const s = await open('echo');
    let got = 0;
    await new Promise<void>((resolve, reject) => {
      s.on('data', (b: Buffer) => { got += b.length; if (got >= size) resolve(); });
      s.once('error', reject);
      s.write(msg);
    });
    s.destroy();
  }));
  return performance.now() - t0;
}
