/**
 * In-memory outbox: for tests, and behind an explicit `--store memory`. Its
 * content dies with the process, so every instance has a new epoch.
 */
import { randomBytes } from 'node:crypto';
import { encodeMessage, type WireMessageProps } from '../proto/index.js';
import { LANE_NAMES, perLane } from './lane.js';
import { QueueFullError } from './errors.js';
import type { Appended, DropListener, DropReason, LaneDepth, LanePolicy, Outbox, OutboxEntry } from './outbox.js';

interface Slot {
  entry: OutboxEntry;
  live: boolean;
}

/** Bytes a queued message is charged: its encoding plus bookkeeping overhead. */
const SLOT_OVERHEAD = 64;

class LaneQueue {
  slots: Slot[] = [];
  head = 0;
  count = 0;
  bytes = 0;
  lastSeq = 0;
  readonly byKey = new Map<string, Slot>();
}

export function newEpoch(): string {
  return randomBytes(8).toString('hex');
}

export class MemoryOutbox implements Outbox {
  readonly epoch = newEpoch();
  private readonly lanes = perLane(() => new LaneQueue());
  private readonly listeners: DropListener[] = [];

  constructor(private readonly policies: readonly LanePolicy[]) {}

  onDrop(listener: DropListener): void {
    this.listeners.push(listener);
  }

  append(lane: number, message: WireMessageProps): Appended {
    const q = this.lanes[lane]!;
    const policy = this.policies[lane]!;
    const key = message.key ?? '';
    const superseded = policy.coalesce && key ? q.byKey.get(key) : undefined;
    const expiresAt = message.expiresAt || (policy.ttlMs ? (message.createdAt ?? Date.now()) + policy.ttlMs : 0);
    message.seq = q.lastSeq + 1;
    message.expiresAt = expiresAt;
    const bytes = encodeMessage(message);
    const size = bytes.length + SLOT_OVERHEAD;

    if (size > policy.maxBytes || policy.maxMessages < 1) {
      // No policy can make room for a message larger than the lane itself: refuse it, drop nothing.
      throw new QueueFullError(LANE_NAMES[lane]!, size > policy.maxBytes ? 'bytes' : 'messages', size > policy.maxBytes ? policy.maxBytes : policy.maxMessages, policy.overflow, size);
    }
    const freed = superseded ? 1 : 0;
    const freedBytes = superseded ? superseded.entry.bytes.length + SLOT_OVERHEAD : 0;
    const over = (): 'messages' | 'bytes' | null =>
      q.count - freed + 1 > policy.maxMessages ? 'messages' : q.bytes - freedBytes + size > policy.maxBytes ? 'bytes' : null;
    let bound = over();
    if (bound) {
      if (policy.overflow === 'reject') {
        throw new QueueFullError(LANE_NAMES[lane]!, bound, bound === 'messages' ? policy.maxMessages : policy.maxBytes, policy.overflow);
      }
      if (policy.overflow === 'drop-newest') {
        this.emit(lane, 0, 'overflow');
        return { seq: 0 };
      }
      // drop-oldest: the message fits the lane (checked above), so this ends with room.
      while (bound && this.dropOldest(lane, q, superseded)) bound = over();
    }

    q.lastSeq = message.seq;
    const slot: Slot = { entry: { seq: message.seq, bytes, key, createdAt: message.createdAt ?? 0, expiresAt }, live: true };
    q.slots.push(slot);
    q.count++;
    q.bytes += size;
    if (superseded?.live) {
      this.kill(q, superseded);
      this.emit(lane, superseded.entry.seq, 'superseded');
    }
    if (policy.coalesce && key) q.byKey.set(key, slot);
    return { seq: message.seq };
  }

  pending(lane: number, afterSeq: number, maxMessages: number, maxBytes: number, now: number): OutboxEntry[] {
    const q = this.lanes[lane]!;
    const out: OutboxEntry[] = [];
    let bytes = 0;
    for (let i = this.firstAfter(q, afterSeq); i < q.slots.length && out.length < maxMessages; i++) {
      const slot = q.slots[i]!;
      if (!slot.live) continue;
      const e = slot.entry;
      if (e.expiresAt && e.expiresAt <= now) {
        this.kill(q, slot);
        this.emit(lane, e.seq, 'ttl');
        continue;
      }
      if (out.length > 0 && bytes + e.bytes.length > maxBytes) break;
      bytes += e.bytes.length;
      out.push(e);
    }
    this.compact(q);
    return out;
  }

  ack(lane: number, seq: number): void {
    const q = this.lanes[lane]!;
    while (q.head < q.slots.length && q.slots[q.head]!.entry.seq <= seq) {
      const slot = q.slots[q.head]!;
      if (slot.live) this.kill(q, slot);
      q.head++;
    }
    this.compact(q);
  }

  lastSeq(lane: number): number {
    return this.lanes[lane]!.lastSeq;
  }

  depth(lane: number): LaneDepth {
    const q = this.lanes[lane]!;
    this.compact(q);
    const first = q.slots[q.head];
    return { messages: q.count, bytes: q.bytes, oldestAt: first ? first.entry.createdAt : null };
  }

  close(): void {}

  private emit(lane: number, seq: number, reason: DropReason): void {
    for (const l of this.listeners) l(lane, seq, reason);
  }

  private kill(q: LaneQueue, slot: Slot): void {
    slot.live = false;
    q.count--;
    q.bytes -= slot.entry.bytes.length + SLOT_OVERHEAD;
    if (q.byKey.get(slot.entry.key) === slot) q.byKey.delete(slot.entry.key);
  }

  /** Drops the oldest live message other than `keep`; false when there is none. */
  private dropOldest(lane: number, q: LaneQueue, keep: Slot | undefined): boolean {
    for (let i = q.head; i < q.slots.length; i++) {
      const slot = q.slots[i]!;
      if (!slot.live || slot === keep) continue;
      this.kill(q, slot);
      this.emit(lane, slot.entry.seq, 'overflow');
      this.compact(q);
      return true;
    }
    return false;
  }

  /** Index of the first slot with seq > afterSeq (slots are in seq order). */
  private firstAfter(q: LaneQueue, afterSeq: number): number {
    let lo = q.head;
    let hi = q.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (q.slots[mid]!.entry.seq <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Skips dead slots at the head and reclaims the array once half of it is dead. */
  private compact(q: LaneQueue): void {
    while (q.head < q.slots.length && !q.slots[q.head]!.live) q.head++;
    if (q.head > 1024 && q.head * 2 > q.slots.length) {
      q.slots = q.slots.slice(q.head);
      q.head = 0;
    }
  }
}
