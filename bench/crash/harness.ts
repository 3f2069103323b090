/**
 * The crash harness: a cloud hub and an edge hub as child processes (peer.ts)
 * publish to each other at full speed while the harness kills one of them
 * with SIGKILL at random moments and restarts it. At the end it checks, from
 * the peers' own logs: every message acknowledged to a publisher was
 * delivered to the application exactly once, in order per lane; on the state
 * lane, the newest acknowledged value of every key arrived.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LmdbStore } from '../../link/index.js';
import { prng } from '../prng.js';

export interface CrashOptions {
  /** Messages each side publishes. */
  total: number;
  /** SIGKILLs of each process (the sides alternate, so 2 × kills in all). */
  kills: number;
  /** Random pause between kills, ms: [min, max). */
  gapMs: [number, number];
  /** Give up after this long, ms. */
  timeoutMs: number;
  /** Seed of the kill schedule, for reproducing a failure. */
  seed: number;
  log?: (line: string) => void;
}

export interface SideResult {
  acked: number;
  delivered: number;
  missing: number[];
  duplicates: number[];
  outOfOrder: string[];
  staleKeys: string[];
}

export interface CrashResult {
  kills: Array<{ atMs: number; side: string }>;
  elapsedMs: number;
  /** What the cloud published and the edge received, and the other way. */
  down: SideResult;
  up: SideResult;
  ok: boolean;
}

const PEER = fileURLToPath(new URL('./peer.js', import.meta.url));
const SECRET = 'crash-harness-secret-0123456789abcdef';
const STATE_KEYS = 50;
const LANES = ['control', 'state', 'events', 'bulk'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}


function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

/** What a side's application recorded in its store's kv, in delivery order (the peer is not running). */
async function deliveredTo(root: string, side: string): Promise<string[]> {
  const dir = side === 'cloud' ? join(root, side, 'store') : join(root, side);
  if (!existsSync(join(dir, 'data.mdb'))) return [];
  const store = LmdbStore.open(dir, { minFreeBytes: 0 });
  try {
    return store.kv().list(['d']).sort((a, b) => Number((a.key as number[])[1]) - Number((b.key as number[])[1])).map((e) => String(e.value));
  } finally {
    await store.close();
  }
}

/** Checks what `from` published (its ack log) against what `to` delivered. */
function check(logs: string, from: string, delivered: string[]): SideResult {
  // Order is the lane's seq order (acceptance order): a number refused with QueueFullError
  // and retried is accepted after later ones, legitimately.
  const ackedPairs = lines(join(logs, `${from}-acked.log`)).map((l) => l.split(' ').map(Number) as [number, number]);
  const acked = ackedPairs.map(([n]) => n);
  const got = delivered.map((l) => { const [lane, n, seq] = l.split(' '); return { lane: lane!, n: Number(n), seq: Number(seq) }; });
  const count = new Map<number, number>();
  const lastByLane = new Map<string, number>();
  const outOfOrder: string[] = [];
  const newestByKey = new Map<number, number>();
  for (const { lane, n, seq } of got) {
    count.set(n, (count.get(n) ?? 0) + 1);
    const last = lastByLane.get(lane) ?? 0;
    if (seq <= last) outOfOrder.push(`${lane}: seq ${seq} (n ${n}) after seq ${last}`);
    lastByLane.set(lane, Math.max(last, seq));
    if (lane === 'state') newestByKey.set(n % STATE_KEYS, Math.max(newestByKey.get(n % STATE_KEYS) ?? 0, seq));
  }
  const duplicates = [...count.entries()].filter(([, c]) => c > 1).map(([n]) => n);
  // State messages may be superseded by a newer one of their key: only the newest per key must arrive.
  const missing = acked.filter((n) => LANES[n % 4] !== 'state' && !count.has(n));
  const newestAcked = new Map<number, number>();
  for (const [n, seq] of ackedPairs) if (LANES[n % 4] === 'state') newestAcked.set(n % STATE_KEYS, Math.max(newestAcked.get(n % STATE_KEYS) ?? 0, seq));
  const staleKeys = [...newestAcked.entries()].filter(([k, seq]) => (newestByKey.get(k) ?? 0) < seq).map(([k, seq]) => `k${k}: newest acked seq ${seq}, newest delivered seq ${newestByKey.get(k) ?? 'none'}`);
  return { acked: acked.length, delivered: got.length, missing, duplicates, outOfOrder, staleKeys };
}

export async function runCrash(o: CrashOptions): Promise<CrashResult> {
  const say = o.log ?? (() => {});
  const root = mkdtempSync(join(tmpdir(), 'isthmus-crash-'));
  const logs = join(root, 'logs');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(logs);
  const port = await freePort();
  const random = prng(o.seed);
  const procs: Record<string, ChildProcess | null> = { cloud: null, edge: null };
  const start = (side: string): void => {
    procs[side] = fork(PEER, [side, join(root, side), logs, String(o.total), String(port), SECRET], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  };
  const kill = (side: string): Promise<void> => new Promise((resolve) => {
    const p = procs[side];
    if (!p || p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill('SIGKILL');
  });
  const published = (side: string) => lines(join(logs, `${side}-status.log`)).includes('published');
  // The stores can be read only once the peers stop: settle when both have published
  // and each reports (kv 'count' via its status line) that deliveries stopped growing.
  const progress = (side: string): number => Number(lines(join(logs, `${side}-count.log`)).at(-1) ?? 0);
  let lastProgress = '';
  let quietSince = Date.now();
  const settled = (): boolean => {
    if (!published('cloud') || !published('edge')) return false;
    const now = `${progress('cloud')}/${progress('edge')}`;
    if (now !== lastProgress) { lastProgress = now; quietSince = Date.now(); }
    return Date.now() - quietSince > 1500;
  };

  const t0 = Date.now();
  start('cloud');
  start('edge');
  const kills: CrashResult['kills'] = [];
  try {
    const first = random() < 0.5 ? 0 : 1;
    for (let i = 0; i < 2 * o.kills; i++) {
      await new Promise((r) => setTimeout(r, o.gapMs[0] + random() * (o.gapMs[1] - o.gapMs[0])));
      const side = (i + first) % 2 === 0 ? 'cloud' : 'edge';
      await kill(side);
      kills.push({ atMs: Date.now() - t0, side });
      say(`kill ${i + 1}/${2 * o.kills}: ${side} at ${Date.now() - t0} ms`);
      await new Promise((r) => setTimeout(r, 20 + random() * 200));
      start(side);
    }
    while (!settled() && Date.now() - t0 < o.timeoutMs) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 500)); // anything repeated would show now
    if (!settled()) {
      for (const side of ['cloud', 'edge']) procs[side]?.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 300));
      say(`not settled: link dumps in ${logs}`);
    }
  } finally {
    await Promise.all([kill('cloud'), kill('edge')]);
  }
  const down = check(logs, 'cloud', await deliveredTo(root, 'edge'));
  const up = check(logs, 'edge', await deliveredTo(root, 'cloud'));
  const clean = (s: SideResult) => !s.missing.length && !s.duplicates.length && !s.outOfOrder.length && !s.staleKeys.length;
  return { kills, elapsedMs: Date.now() - t0, down, up, ok: clean(down) && clean(up) && published('cloud') && published('edge') };
}
