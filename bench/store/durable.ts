/**
 * Durable acked throughput (issue 3): 1 KB payloads, cloud -> 1 edge and
 * 1 edge -> cloud, with both hubs on the lmdb store beside both on the
 * in-memory store, in the same run and the same layout as bench/throughput.ts
 * (the cloud hub in this process, the edge hub in a forked child). Rounds
 * alternate memory and lmdb so that noise hits both; the median is reported.
 *
 * Publishers keep many sends in flight (bench/store/pipelined.ts): a durable
 * send resolves only after its commit is synced, and commits group only the
 * sends that overlap. The clock stops when the last message is acknowledged
 * (acks wait for the receiver's watermark to be durable) and the receiver
 * counted every message.
 */
import { join } from 'node:path';
import { CloudHub, type LaneName } from '../../index.js';
import type { LmdbStore } from '../../link/index.js';
import { windowFor } from '../acked-window.js';
import type { BenchOptions } from '../args.js';
import { Peer } from '../child.js';
import { withDeadline } from '../deadline.js';
import { FLOW_CASES, flowFailure, flowResult, Stopwatch, type FlowResult, type FlowRun } from '../flow.js';
import type { RunInfo } from '../machine.js';
import { FOREIGN_CPU_WARNING, IDLE_BUDGET_MS, IdleWaiter } from '../machine-load.js';
import type { Report } from '../report.js';
import { round } from '../stats.js';
import { lmdbFigures, makeTemp, removeTemp } from './measure.js';
import { sendPipelined } from './pipelined.js';
import { fmt, fmt1, pct, share, cpu } from '../format.js';
import { medianRound } from '../stats.js';

/** Durable msg/s must be at least this share of in-memory msg/s (issue 3). */
export const DURABLE_SHARE_TARGET = 0.6;
const PAYLOAD_BYTES = 1024;
const CASES = ['down-1', 'up-1'];
type StoreKind = 'memory' | 'lmdb';

interface StoreResult extends FlowResult {
  store: StoreKind;
  /** Messages per synced commit of the sending side's store (lmdb only). */
  perCommit: number;
}

interface DurableRow {
  id: string;
  label: string;
  direction: 'down' | 'up';
  memory: StoreResult;
  lmdb: StoreResult;
  ratio: number;
  rounds: { memory: StoreResult[]; lmdb: StoreResult[] };
}


/** One measurement: the cloud hub here, one edge hub in a child, both on `store`. */
export async function storeFlow(run: FlowRun, store: StoreKind, inFlight: number): Promise<StoreResult> {
  const dir = store === 'lmdb' ? makeTemp('durable') : null;
  let hub: CloudHub | null = null;
  let peer: Peer | null = null;
  let stopped = false;
  try {
    hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', insecure: 'dev', ...(dir ? { dataDir: join(dir, 'cloud'), store: 'lmdb' as const } : { store: 'memory' as const }) });
    const h = hub;
    const node = 'bench-0';
    const spec = {
      url: h.url, clients: 1, perClient: run.perEdge, payloadBytes: run.payloadBytes, lane: run.lane, inFlight, store,
      nodes: [{ node, token: h.mintToken(node) }], ...(dir ? { dataDir: join(dir, 'edges') } : {}),
    };
    const commits = (): number => (h.store.kind === 'lmdb' ? lmdbFigures(h.store as unknown as LmdbStore).lastTxnId : NaN);
    if (run.case.direction === 'down') {
      peer = await Peer.start({ role: 'store-sink', ...spec });
      const counted = peer.next('done', run.deadlineMs);
      const payload = Buffer.alloc(run.payloadBytes, 0x61);
      const window = { ...windowFor(1, run.lane), inFlight, aborted: () => stopped };
      const commits0 = commits();
      const watch = new Stopwatch();
      const sent = sendPipelined(run.perEdge, () => h.send(node, { lane: run.lane, payload }), window);
      const [, child] = await withDeadline(Promise.all([sent, counted]), run.deadlineMs, `${store} down: acks and counts`);
      const r = flowResult('isthmus', run, watch.stop(), child.cpuMs, { hub: linkStats(h, node), edges: child.detail });
      return { ...r, store, perCommit: run.perEdge / (commits() - commits0) };
    }
    let received = 0;
    let allIn: () => void = () => {};
    const arrived = new Promise<void>((resolve) => { allIn = resolve; });
    h.on('message', () => { if (++received === run.perEdge) allIn(); });
    peer = await Peer.start({ role: 'store-source', ...spec });
    const watch = new Stopwatch();
    peer.send({ type: 'go' });
    const [, child] = await withDeadline(Promise.all([arrived, peer.next('done', run.deadlineMs)]), run.deadlineMs, `${store} up: messages at the hub and acks at the edge`);
    const r = flowResult('isthmus', run, watch.stop(), child.cpuMs, { hub: linkStats(h, node), edges: child.detail });
    const edgeCommits = Number((child.detail as { commits?: number } | undefined)?.commits);
    return { ...r, store, perCommit: run.perEdge / edgeCommits };
  } catch (err) {
    return { ...flowFailure('isthmus', run, err), store, perCommit: NaN };
  } finally {
    stopped = true;
    await peer?.stop();
    await hub?.close();
    removeTemp(dir);
  }
}

function linkStats(hub: CloudHub, node: string): Record<string, number> {
  const s = hub.node(node)?.stats;
  return s ? { messagesIn: s.messagesIn, messagesOut: s.messagesOut, framesIn: s.framesIn, framesOut: s.framesOut, duplicates: s.duplicates, ackFrames: s.ackFrames, windowStalls: s.windowStalls } : {};
}

export async function durable(o: BenchOptions, info: RunInfo): Promise<Report> {
  const idle = new IdleWaiter(o.waitIdle * 1000, IDLE_BUDGET_MS);
  const unknown = o.cases.filter((id) => !CASES.includes(id));
  if (unknown.length) throw new Error(`unknown durable case ${unknown.join(', ')}: expected ${CASES.join(', ')}`);
  const rows: DurableRow[] = [];
  for (const c of FLOW_CASES.filter((c) => CASES.includes(c.id) && (o.cases.length === 0 || o.cases.includes(c.id)))) {
    const run: FlowRun = { case: c, perEdge: o.count, payloadBytes: PAYLOAD_BYTES, lane: o.lane, deadlineMs: o.quick ? 60_000 : 180_000, floorUncorked: true };
    process.stderr.write(`durable: ${c.label}, ${run.perEdge} messages on lane ${o.lane}, ${o.repeat} round(s):`);
    const memory: StoreResult[] = [];
    const lmdb: StoreResult[] = [];
    for (let i = 0; i < o.repeat; i++) {
      await idle.wait();
      memory.push(await storeFlow(run, 'memory', o.inFlight));
      await idle.wait();
      lmdb.push(await storeFlow(run, 'lmdb', o.inFlight));
      process.stderr.write(` memory ${fmt(memory[i]!.msgPerSec)} / lmdb ${fmt(lmdb[i]!.msgPerSec)};`);
    }
    process.stderr.write('\n');
    const m = medianRound(memory);
    const l = medianRound(lmdb);
    rows.push({ id: c.id, label: c.label, direction: c.direction, memory: m, lmdb: l, ratio: l.msgPerSec / m.msgPerSec, rounds: { memory, lmdb } });
  }
  return report(o, info, rows);
}


function report(o: BenchOptions, info: RunInfo, rows: DurableRow[]): Report {
  const status = (r: FlowResult): string => (r.status === 'ok' ? '' : ` (${r.status})`);
  const lane: LaneName = o.lane;
  return {
    name: 'durable',
    title: 'Durable acked throughput, 1 KB payloads: lmdb store beside in-memory store',
    info,
    settings: {
      messagesPerCase: o.count, rounds: o.repeat, waitIdleSeconds: o.waitIdle, payloadBytes: PAYLOAD_BYTES, lane,
      sendsInFlight: o.inFlight, stores: 'both hubs on the same store (lmdb: outbox and inbox watermarks synced before ack)',
      target: `lmdb >= ${DURABLE_SHARE_TARGET * 100}% of memory`,
    },
    data: {
      rows: rows.map((r) => ({
        case: r.id, label: r.label, direction: r.direction,
        memory: roundResult(r.memory), lmdb: roundResult(r.lmdb), ratio: round(r.ratio, 3), pass: r.ratio >= DURABLE_SHARE_TARGET,
        rounds: { memory: r.rounds.memory.map(roundResult), lmdb: r.rounds.lmdb.map(roundResult) },
      })),
    },
    tables: [{
      title: `Messages per second (MB/s of payload), median of ${o.repeat} round(s); lmdb as a share of memory`,
      columns: [
        { key: 'case', title: 'case' }, { key: 'messages', title: 'messages', right: true },
        { key: 'memory', title: 'memory msg/s', right: true }, { key: 'memoryMb', title: 'memory MB/s', right: true },
        { key: 'lmdb', title: 'lmdb msg/s', right: true }, { key: 'lmdbMb', title: 'lmdb MB/s', right: true },
        { key: 'ratio', title: 'lmdb/memory', right: true },
        { key: 'memoryCpu', title: 'memory CPU cloud/edge', right: true }, { key: 'lmdbCpu', title: 'lmdb CPU cloud/edge', right: true },
        { key: 'perCommit', title: 'msgs/commit', right: true }, { key: 'foreign', title: 'other CPU', right: true },
      ],
      rows: rows.map((r) => ({
        case: r.label, messages: fmt(r.memory.messages),
        memory: fmt(r.memory.msgPerSec) + status(r.memory), memoryMb: fmt1(r.memory.mbPerSec),
        lmdb: fmt(r.lmdb.msgPerSec) + status(r.lmdb), lmdbMb: fmt1(r.lmdb.mbPerSec),
        ratio: share(r.ratio), memoryCpu: cpu(r.memory), lmdbCpu: cpu(r.lmdb),
        perCommit: fmt(r.lmdb.perCommit), foreign: pct(Math.max(r.memory.foreignCpu, r.lmdb.foreignCpu)),
      })),
    }],
    summary: [
      ...rows.map((r) => `${r.label}: lmdb ${fmt(r.lmdb.msgPerSec)} msg/s = ${share(r.ratio)} of memory's ${fmt(r.memory.msgPerSec)} (target >= ${DURABLE_SHARE_TARGET * 100}%): ${r.ratio >= DURABLE_SHARE_TARGET ? 'PASS' : 'FAIL'}${r.lmdb.error ? ` [lmdb: ${r.lmdb.error}]` : ''}${r.memory.error ? ` [memory: ${r.memory.error}]` : ''}`),
      ...disturbed(rows),
    ],
    chart: {
      title: 'Acked throughput, 1 KB payloads, by store (higher is better)',
      unit: 'msg/s',
      series: ['in-memory store', 'lmdb store (durable)'],
      groups: rows.map((r) => ({ label: r.label, values: [r.memory.msgPerSec, r.lmdb.msgPerSec], note: Number.isFinite(r.ratio) ? `lmdb ${share(r.ratio)} of memory` : 'no result' })),
    },
  };
}

function disturbed(rows: DurableRow[]): string[] {
  const worst = (r: DurableRow): number => Math.max(r.memory.foreignCpu, r.lmdb.foreignCpu);
  const bad = rows.filter((r) => worst(r) > FOREIGN_CPU_WARNING);
  if (bad.length === 0) return [];
  return [`WARNING: other processes used up to ${Math.max(...bad.map(worst)).toFixed(2)} cores during ${bad.map((r) => r.id).join(', ')}: figures disturbed, rerun on an idle machine`];
}

function roundResult(r: StoreResult): StoreResult {
  return {
    ...r, seconds: round(r.seconds), msgPerSec: Math.round(r.msgPerSec), mbPerSec: round(r.mbPerSec, 1),
    serverCpu: round(r.serverCpu, 2), clientCpu: round(r.clientCpu, 2), foreignCpu: round(r.foreignCpu, 2), perCommit: round(r.perCommit, 1),
  };
}
