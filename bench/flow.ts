/** The throughput cases and what one measurement of one system gives. */
import { performance } from 'node:perf_hooks';
import { MachineMeter } from './machine-load.js';


export interface FlowCase {
  id: string;
  label: string;
  /** down: cloud -> edges; up: edges -> cloud. */
  direction: 'down' | 'up';
  edges: number;
}

export const FLOW_CASES: readonly FlowCase[] = [
  { id: 'down-1', label: 'cloud -> 1 edge', direction: 'down', edges: 1 },
  { id: 'down-100', label: 'cloud -> 100 edges', direction: 'down', edges: 100 },
  { id: 'up-1', label: '1 edge -> cloud', direction: 'up', edges: 1 },
  { id: 'up-100', label: '100 edges -> cloud', direction: 'up', edges: 100 },
];

export interface FlowRun {
  case: FlowCase;
  /** Messages per edge; the total is perEdge * edges. */
  perEdge: number;
  payloadBytes: number;
  lane: 'control' | 'state' | 'events' | 'bulk';
  deadlineMs: number;
  /** Floor only: write each message on its own instead of corking the burst (see --floor-uncorked). */
  floorUncorked: boolean;
}

export interface FlowResult {
  system: 'floor' | 'isthmus';
  messages: number;
  seconds: number;
  msgPerSec: number;
  /** Payload bytes only, 10^6 per MB. */
  mbPerSec: number;
  /** CPU used during the run as a share of one core: this process (server side) and the child (clients). */
  serverCpu: number;
  clientCpu: number;
  /** Cores' worth of CPU used by other processes on the machine during the run (noise). */
  foreignCpu: number;
  status: 'ok' | 'timeout' | 'error';
  error?: string;
  /** Counters of the run (frames, batch sizes). */
  detail?: Record<string, unknown>;
}

/** Wall clock and this process's CPU, started together just before the clock starts. */
export class Stopwatch {
  private readonly meter = new MachineMeter();
  private readonly t0 = performance.now();
  private readonly cpu0 = process.cpuUsage();
  ms = 0;
  cpuMs = 0;
  machineCores = NaN;
  stop(): this {
    this.ms = performance.now() - this.t0;
    const c = process.cpuUsage(this.cpu0);
    this.cpuMs = (c.user + c.system) / 1000;
    this.machineCores = this.meter.busyCores();
    return this;
  }
}

export function flowResult(system: FlowResult['system'], run: FlowRun, watch: Stopwatch, childCpuMs: number | undefined, detail?: Record<string, unknown>): FlowResult {
  const messages = run.perEdge * run.case.edges;
  const seconds = watch.ms / 1000;
  return {
    system, messages, seconds,
    msgPerSec: messages / seconds,
    mbPerSec: (messages * run.payloadBytes) / seconds / 1e6,
    serverCpu: watch.cpuMs / watch.ms,
    // The child's figure runs from its "ready" to its "done": idle time before the start costs nothing.
    clientCpu: childCpuMs === undefined ? NaN : childCpuMs / watch.ms,
    foreignCpu: Math.max(0, watch.machineCores - watch.cpuMs / watch.ms - (childCpuMs ?? 0) / watch.ms),
    status: 'ok',
    ...(detail ? { detail } : {}),
  };
}

export function flowFailure(system: FlowResult['system'], run: FlowRun, err: unknown): FlowResult {
  const e = err as Error;
  return {
    system, messages: run.perEdge * run.case.edges, seconds: NaN, msgPerSec: NaN, mbPerSec: NaN, serverCpu: NaN, clientCpu: NaN, foreignCpu: NaN,
    status: e?.name === 'DeadlineError' ? 'timeout' : 'error', error: e?.message ?? String(err),
  };
}
