/** Settings both hubs share, with their documented defaults in one place. */
import { DefaultWireLimits, verifyWireLimits, type WireLimits } from '../proto/index.js';
import type { LaneName } from './lane.js';
import { lanePolicies, type LanePolicy } from './outbox.js';

export interface LinkConfig {
  limits: WireLimits;
  /** Ping interval, ms; a silent peer is declared dead within two. The cloud hub's value wins: it sends it in Welcome. */
  pingIntervalMs: number;
  /** Target size of a Batch frame, bytes. Smaller frames let control overtake bulk sooner. */
  batchBytes: number;
  /** Stop writing while the socket library buffers more than this, bytes. */
  highWaterBytes: number;
  /**
   * Most bytes of the state, events and bulk lanes sent and not yet acknowledged.
   * Kernel socket buffers hold megabytes the scheduler cannot reorder; this
   * window bounds what a control message can find ahead of it there.
   */
  windowBytes: number;
  /** Deadline for Hello / Welcome, ms. */
  handshakeTimeoutMs: number;
  /** Longest an Ack waits to cover more messages, ms (0: next turn of the event loop). */
  ackDelayMs: number;
  /**
   * Multipath: the least time a windowed lane waits for an ack before it is
   * resent on another path, ms. The wait is the measured ack time
   * (srtt + 4 * rttvar, as TCP's RTO) when that is longer.
   */
  fastRetransmitMinMs: number;
  lanes: LanePolicy[];
}

export interface LinkConfigInput {
  limits?: Partial<WireLimits>;
  pingIntervalMs?: number;
  batchBytes?: number;
  highWaterBytes?: number;
  windowBytes?: number;
  handshakeTimeoutMs?: number;
  ackDelayMs?: number;
  fastRetransmitMinMs?: number;
  lanes?: Partial<Record<LaneName, Partial<LanePolicy>>>;
}

export const DefaultLinkSettings = Object.freeze({
  pingIntervalMs: 5_000,
  batchBytes: 256 * 1024,
  highWaterBytes: 256 * 1024,
  windowBytes: 1024 * 1024,
  handshakeTimeoutMs: 10_000,
  ackDelayMs: 5,
  fastRetransmitMinMs: 20,
});

function positive(v: number, field: string, min = 1): number {
  if (!Number.isFinite(v) || v < min) throw new TypeError(`${field} must be a number of at least ${min}, got ${String(v)}`);
  return v;
}

function nonNegative(v: number, field: string): number {
  if (!Number.isFinite(v) || v < 0) throw new TypeError(`${field} must be a non-negative number, got ${String(v)}`);
  return v;
}

/** Fills defaults and validates, throwing a TypeError that names the bad field. */
export function linkConfig(input: LinkConfigInput = {}): LinkConfig {
  const limits = verifyWireLimits({ ...DefaultWireLimits, ...(input.limits ?? {}) });
  const c: LinkConfig = {
    limits,
    pingIntervalMs: positive(input.pingIntervalMs ?? DefaultLinkSettings.pingIntervalMs, 'pingIntervalMs', 100),
    batchBytes: positive(input.batchBytes ?? DefaultLinkSettings.batchBytes, 'batchBytes', 1024),
    highWaterBytes: positive(input.highWaterBytes ?? DefaultLinkSettings.highWaterBytes, 'highWaterBytes', 1024),
    windowBytes: positive(input.windowBytes ?? DefaultLinkSettings.windowBytes, 'windowBytes', 1024),
    handshakeTimeoutMs: positive(input.handshakeTimeoutMs ?? DefaultLinkSettings.handshakeTimeoutMs, 'handshakeTimeoutMs', 100),
    ackDelayMs: nonNegative(input.ackDelayMs ?? DefaultLinkSettings.ackDelayMs, 'ackDelayMs'),
    fastRetransmitMinMs: positive(input.fastRetransmitMinMs ?? DefaultLinkSettings.fastRetransmitMinMs, 'fastRetransmitMinMs'),
    lanes: lanePolicies(input.lanes),
  };
  // Edges refuse a Welcome outside 100 ms .. 10 min (proto/codec.ts): refuse such a config at start instead.
  if (c.pingIntervalMs > 600_000) throw new TypeError(`pingIntervalMs must be at most 600000 (10 min), got ${c.pingIntervalMs}`);
  if (c.batchBytes + limits.maxPayloadBytes + 4096 > limits.maxFrameBytes) {
    throw new TypeError(`batchBytes (${c.batchBytes}) plus limits.maxPayloadBytes (${limits.maxPayloadBytes}) must fit in limits.maxFrameBytes (${limits.maxFrameBytes})`);
  }
  return c;
}
