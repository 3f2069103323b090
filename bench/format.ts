/** Number formats of the benchmark tables, one place for all of them ('-' for a missing figure). */
import type { FlowResult } from './flow.js';

/** Whole number with thousands separators. */
export const fmt = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '-');
/** One decimal. */
export const fmt1 = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '-');
/** Two decimals (milliseconds). */
export const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '-');
/** Whole percent. */
export const pct = (v: number): string => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '-');
/** A ratio to a target with one decimal, so that 49.6 % never shows as a passing "50%". */
export const share = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '-');
/** Server (this process) and client (child) CPU, in % of one core: which side was the bottleneck. */
export const cpu = (r: FlowResult): string => `${pct(r.serverCpu)}/${pct(r.clientCpu)}`;
