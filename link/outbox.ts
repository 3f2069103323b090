/**
 * The outbox: what one side has accepted for one peer and not yet seen
 * acknowledged, per lane, in seq order. The in-memory store and the durable
 * store implement the same interface.
 */
import type { WireMessageProps } from '../proto/index.js';
import { LANE_NAMES, type LaneName } from './lane.js';

export type OverflowPolicy = 'reject' | 'drop-oldest' | 'drop-newest';
export type DropReason = 'ttl' | 'overflow' | 'superseded';

export interface LanePolicy {
  /** Most messages queued in the lane. */
  maxMessages: number;
  /** Most payload-and-header bytes queued in the lane. */
  maxBytes: number;
  /** What happens when a bound is reached. */
  overflow: OverflowPolicy;
  /** A newer message with the same key replaces the queued older one. */
  coalesce: boolean;
  /** Default time to live in ms for messages without one; 0 = forever. */
  ttlMs: number;
}

/** Documented defaults, one place (see ARCHITECTURE.md, "Lanes"). */
export const DefaultLanePolicies: Readonly<Record<LaneName, Readonly<LanePolicy>>> = Object.freeze({
  control: { maxMessages: 10_000, maxBytes: 16 << 20, overflow: 'reject', coalesce: false, ttlMs: 0 },
  state: { maxMessages: 100_000, maxBytes: 256 << 20, overflow: 'reject', coalesce: true, ttlMs: 0 },
  events: { maxMessages: 100_000, maxBytes: 256 << 20, overflow: 'reject', coalesce: false, ttlMs: 0 },
  bulk: { maxMessages: 1_000_000, maxBytes: 256 << 20, overflow: 'drop-oldest', coalesce: false, ttlMs: 0 },
});

export function lanePolicies(overrides: Partial<Record<LaneName, Partial<LanePolicy>>> = {}): LanePolicy[] {
  return LANE_NAMES.map((name) => {
    const p = { ...DefaultLanePolicies[name], ...(overrides[name] ?? {}) };
    for (const k of ['maxMessages', 'maxBytes', 'ttlMs'] as const) {
      if (!Number.isSafeInteger(p[k]) || p[k] < 0) throw new TypeError(`lanes.${name}.${k} must be a non-negative integer, got ${String(p[k])}`);
    }
    if (!['reject', 'drop-oldest', 'drop-newest'].includes(p.overflow)) {
      throw new TypeError(`lanes.${name}.overflow must be reject, drop-oldest or drop-newest, got ${String(p.overflow)}`);
    }
    return p;
  });
}

/** One queued message: its encoded bytes (seq included) and what the scheduler needs. */
export interface OutboxEntry {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly key: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface LaneDepth {
  messages: number;
  bytes: number;
  /** createdAt of the oldest queued message, or null when empty. */
  oldestAt: number | null;
}

/** Told about every message the outbox drops, so receipts resolve and counters count. */
export type DropListener = (lane: number, seq: number, reason: DropReason) => void;

/** Result of append: the seq assigned, or 0 when drop-newest refused the message. */
export interface Appended {
  seq: number;
  /** Resolves once the message is durable; absent when it already is. Shared by a commit's messages. */
  durable?: Promise<void>;
}

export interface Outbox {
  /** Changes whenever the store's content is lost, so seqs are never reused silently. */
  readonly epoch: string;
  /**
   * Assigns the next seq of the lane, encodes and queues the message; the
   * result's `durable` (if any) resolves once the store has made it durable.
   * It is handed out for sending once durable, or earlier within the seqs the
   * store has durably reserved (LaneQueue.speculateTo). Throws QueueFullError
   * when the lane is full and its policy is reject.
   */
  append(lane: number, message: WireMessageProps): Promise<Appended> | Appended;
  /**
   * Up to maxMessages entries (and about maxBytes) with seq > afterSeq, in seq
   * order, skipping and dropping (reason ttl) the expired ones.
   */
  pending(lane: number, afterSeq: number, maxMessages: number, maxBytes: number, now: number): OutboxEntry[];
  /** Forgets everything up to and including seq: the peer has it. */
  ack(lane: number, seq: number): void;
  /** Highest seq ever assigned in the lane (0 if none). */
  lastSeq(lane: number): number;
  depth(lane: number): LaneDepth;
  onDrop(listener: DropListener): void;
  /** The link says whether the peer is connected: a store may keep fresh bytes in memory only then. */
  peerOnline?(online: boolean): void;
  close(): Promise<void> | void;
}
