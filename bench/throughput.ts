/**
 * Acked throughput with 1 KB payloads, cloud -> 1 edge, cloud -> 100 edges,
 * 1 edge -> cloud and 100 edges -> cloud, each beside the raw uWS/ws floor
 * measured in the same run. Server side in this process, clients in a child,
 * so both get a core, the same way for the floor and for Isthmus.
 */
import type { BenchOptions } from './args.js';
import { FLOW_CASES, type FlowCase, type FlowResult, type FlowRun } from './flow.js';
import { floorFlow } from './flow-floor.js';
import { isthmusFlow } from './flow-isthmus.js';
import type { RunInfo } from './machine.js';
import { FOREIGN_CPU_WARNING, IDLE_BUDGET_MS, IdleWaiter } from './machine-load.js';
import type { Report } from './report.js';
import { round } from './stats.js';
import { fmt, fmt1, pct, share, cpu } from './format.js';
import { medianRound } from './stats.js';

/** Isthmus must reach at least this share of the floor's msg/s (issue 2). */
export const FLOOR_SHARE_TARGET = 0.5;
const PAYLOAD_BYTES = 1024;

export interface ThroughputRow {
  case: FlowCase;
  floor: FlowResult;
  isthmus: FlowResult;
  /** Isthmus msg/s over the floor's (medians). */
  ratio: number;
  /** Every round, for the JSON. */
  rounds: { floor: FlowResult[]; isthmus: FlowResult[] };
}


export async function throughput(o: BenchOptions, info: RunInfo): Promise<Report> {
  const rows: ThroughputRow[] = [];
  const idle = new IdleWaiter(o.waitIdle * 1000, IDLE_BUDGET_MS);
  const unknown = o.cases.filter((id) => !FLOW_CASES.some((c) => c.id === id));
  if (unknown.length) throw new Error(`unknown throughput case ${unknown.join(', ')}: expected ${FLOW_CASES.map((c) => c.id).join(', ')}`);
  for (const c of FLOW_CASES.filter((c) => o.cases.length === 0 || o.cases.includes(c.id))) {
    const run: FlowRun = {
      case: c, perEdge: Math.max(1, Math.floor(o.count / c.edges)), payloadBytes: PAYLOAD_BYTES, lane: o.lane,
      deadlineMs: o.quick ? 60_000 : 120_000, floorUncorked: o.floorUncorked,
    };
    process.stderr.write(`throughput: ${c.label}, ${run.perEdge * c.edges} messages, ${o.repeat} round(s):`);
    const floors: FlowResult[] = [];
    const isthmuses: FlowResult[] = [];
    // Alternate floor and Isthmus so that whatever else the machine does hits both alike.
    for (let i = 0; i < o.repeat; i++) {
      await idle.wait();
      floors.push(await floorFlow(run));
      await idle.wait();
      isthmuses.push(await isthmusFlow(run));
      process.stderr.write(` floor ${fmt(floors[i]!.msgPerSec)} / isthmus ${fmt(isthmuses[i]!.msgPerSec)};`);
    }
    process.stderr.write('\n');
    const floor = medianRound(floors);
    const isthmus = medianRound(isthmuses);
    rows.push({ case: c, floor, isthmus, ratio: isthmus.msgPerSec / floor.msgPerSec, rounds: { floor: floors, isthmus: isthmuses } });
  }
  return report(o, info, rows);
}


function report(o: BenchOptions, info: RunInfo, rows: ThroughputRow[]): Report {
  const status = (r: FlowResult): string => (r.status === 'ok' ? '' : ` (${r.status})`);
  return {
    name: 'throughput',
    title: 'Acked throughput, 1 KB payloads',
    // CPU: share of one core used during the run by the server side (this process) and the clients (the child).
    info,
    settings: { floor: o.floorUncorked ? 'uncorked uWS sends' : 'corked uWS sends', messagesPerCase: o.count, rounds: o.repeat, waitIdleSeconds: o.waitIdle, payloadBytes: PAYLOAD_BYTES, lane: o.lane, target: `>= ${FLOOR_SHARE_TARGET * 100}% of the floor` },
    data: {
      rows: rows.map((r) => ({
        case: r.case.id, label: r.case.label, edges: r.case.edges, direction: r.case.direction,
        floor: roundResult(r.floor), isthmus: roundResult(r.isthmus),
        ratio: round(r.ratio, 3), pass: r.ratio >= FLOOR_SHARE_TARGET,
        rounds: { floor: r.rounds.floor.map(roundResult), isthmus: r.rounds.isthmus.map(roundResult) },
      })),
    },
    tables: [{
      title: `Messages per second (MB/s of payload), median of ${o.repeat} round(s); Isthmus as a share of the floor`,
      columns: [
        { key: 'case', title: 'case' }, { key: 'messages', title: 'messages', right: true },
        { key: 'floor', title: 'floor msg/s', right: true }, { key: 'floorMb', title: 'floor MB/s', right: true },
        { key: 'isthmus', title: 'Isthmus msg/s', right: true }, { key: 'isthmusMb', title: 'Isthmus MB/s', right: true },
        { key: 'ratio', title: 'ratio', right: true },
        { key: 'floorCpu', title: 'floor CPU srv/cli', right: true }, { key: 'isthmusCpu', title: 'Isthmus CPU srv/cli', right: true },
        { key: 'perFrame', title: 'msgs/frame', right: true }, { key: 'foreign', title: 'other CPU', right: true },
      ],
      rows: rows.map((r) => ({
        case: r.case.label, messages: fmt(r.floor.messages),
        floor: fmt(r.floor.msgPerSec) + status(r.floor), floorMb: fmt1(r.floor.mbPerSec),
        isthmus: fmt(r.isthmus.msgPerSec) + status(r.isthmus), isthmusMb: fmt1(r.isthmus.mbPerSec),
        ratio: share(r.ratio),
        floorCpu: cpu(r.floor), isthmusCpu: cpu(r.isthmus),
        perFrame: fmt1(messagesPerFrame(r)),
        foreign: pct(Math.max(r.floor.foreignCpu, r.isthmus.foreignCpu)),
      })),
    }],
    summary: [...rows.map((r) => `${r.case.label}: Isthmus ${fmt(r.isthmus.msgPerSec)} msg/s = ${share(r.ratio)} of the floor's ${fmt(r.floor.msgPerSec)} (target >= ${FLOOR_SHARE_TARGET * 100}%): ${r.ratio >= FLOOR_SHARE_TARGET ? 'PASS' : 'FAIL'}${r.isthmus.error ? ` [${r.isthmus.error}]` : ''}${r.floor.error ? ` [floor: ${r.floor.error}]` : ''}`), ...disturbed(rows)],
    chart: {
      title: 'Acked throughput, 1 KB payloads (higher is better)',
      unit: 'msg/s',
      series: ['raw uWS/ws floor', 'Isthmus'],
      groups: rows.map((r) => ({
        label: r.case.label,
        values: [r.floor.msgPerSec, r.isthmus.msgPerSec],
        note: Number.isFinite(r.ratio) ? `${share(r.ratio)} of floor` : 'no result',
      })),
    },
  };
}

/** Warns about cases during which other processes used the CPU. */
function disturbed(rows: ThroughputRow[]): string[] {
  const worst = (r: ThroughputRow): number => Math.max(r.floor.foreignCpu, r.isthmus.foreignCpu);
  const bad = rows.filter((r) => worst(r) > FOREIGN_CPU_WARNING);
  if (bad.length === 0) return [];
  return [`WARNING: other processes used up to ${Math.max(...bad.map(worst)).toFixed(2)} cores during ${bad.map((r) => r.case.id).join(', ')}: figures disturbed, rerun on an idle machine`];
}

/** Average Batch frame size on the sending side of the case. */
function messagesPerFrame(r: ThroughputRow): number {
  const d = r.isthmus.detail as { hub?: Record<string, number>; edges?: Record<string, number> } | undefined;
  const side = r.case.direction === 'down' ? d?.hub : d?.edges;
  if (!side) return NaN;
  // The link counts only Batch frames in framesOut (acks and pings are not counted).
  return side.messagesOut / side.framesOut;
}

function roundResult(r: FlowResult): FlowResult {
  return {
    ...r, seconds: round(r.seconds), msgPerSec: Math.round(r.msgPerSec), mbPerSec: round(r.mbPerSec, 1),
    serverCpu: round(r.serverCpu, 2), clientCpu: round(r.clientCpu, 2), foreignCpu: round(r.foreignCpu, 2),
  };
}
