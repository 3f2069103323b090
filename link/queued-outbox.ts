/**
 * The outbox's queueing rules, whatever keeps the bytes: seq assignment,
 * coalescing by key, bounds and overflow policies, TTL, acks, depth. The
 * in-memory and LMDB outboxes differ only in where bytes live and when a
 * message counts as durable, which they supply through four methods.
 */
import { encodeMessage, type WireMessageProps } from '../proto/index.js';
import { LANE_NAMES, perLane } from './lane.js';
import { QueueFullError } from './errors.js';
import type { Appended, DropListener, DropReason, LaneDepth, LanePolicy, Outbox, OutboxEntry } from './outbox.js';

/** One queued message's metadata; the bytes stay in the store. */
export interface Slot {
  seq: number;
  key: string;
  createdAt: number;
  expiresAt: number;
  /** Encoded length. */
  size: number;
  live: boolean;
  /** The encoded message, where the store keeps it in memory. */
  bytes?: Uint8Array;
}

/** Bytes a queued message is charged: its encoding plus bookkeeping overhead. */
export const SLOT_OVERHEAD = 64;

export class LaneQueue {
  slots: Slot[] = [];
  head = 0;
  count = 0;
  bytes = 0;
  lastSeq = 0;
  /** Highest seq known durable. */
  durableSeq = 0;
  /**
   * Highest seq that may be sent before it is durable: the store has durably
   * reserved the seqs up to it, and a restart numbers on past them, so a seq
   * the peer saw from a message lost in a crash is never given to another one.
   */
  speculateTo = 0;
  /** The reservation written (speculateTo once it is synced). */
  reservedTo = 0;
  /** Coalescing lanes only, made on the first keyed message: an idle link's lanes hold no Map (scale: bytes per idle edge). */
  byKey: Map<string, Slot> | null = null;
}

export abstract class QueuedOutbox implements Outbox {
  abstract readonly epoch: string;
  protected readonly lanes = perLane(() => new LaneQueue());
  private listeners: readonly DropListener[] = [];
  /** The latest pending commit, and the highest seq of each lane appended under it (commits complete in order). */
  private lastWait: Promise<void> | null = null;
  private covered: number[] | null = null;

  constructor(protected readonly policies: readonly LanePolicy[]) {}

  /** Stores a new message (and the lane's new last seq). */
  protected abstract write(lane: number, slot: Slot, bytes: Uint8Array): void;
  /** Forgets a message. */
  protected abstract erase(lane: number, seq: number): void;
  /** The bytes of a queued message. */
  protected abstract read(lane: number, slot: Slot): Uint8Array;
  /** Resolves once everything written so far is durable, or undefined if it already is. */
  protected abstract durable(): Promise<void> | undefined;
  /** Throws if the store must refuse new messages (e.g. the disk is nearly full). */
  protected admit(): void {}

  onDrop(listener: DropListener): void {
    this.listeners = this.listeners.concat([listener]); // exactly sized: push and spread reserve 17 slots on each idle link
  }

  append(lane: number, message: WireMessageProps): Promise<Appended> | Appended {
    this.admit();
    const q = this.lanes[lane]!;
    const policy = this.policies[lane]!;
    const key = message.key ?? '';
    const superseded = policy.coalesce && key ? q.byKey?.get(key) : undefined;
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
    const freedBytes = superseded ? superseded.size + SLOT_OVERHEAD : 0;
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

    const seq = message.seq;
    q.lastSeq = seq;
    const slot: Slot = { seq, key, createdAt: message.createdAt ?? 0, expiresAt, size: bytes.length, live: true };
    this.write(lane, slot, bytes);
    q.slots.push(slot);
    q.count++;
    q.bytes += size;
    if (superseded?.live) {
      this.kill(lane, q, superseded);
      this.emit(lane, superseded.seq, 'superseded');
    }
    if (policy.coalesce && key) (q.byKey ??= new Map()).set(key, slot);
    const wait = this.durable();
    if (!wait) {
      q.durableSeq = seq;
      return { seq };
    }
    // One continuation per commit, not per message: when the commit is durable,
    // so is every seq appended under it (commits complete in order).
    let covered = this.covered;
    if (wait !== this.lastWait || !covered) {
      const marks = covered = this.covered = new Array<number>(this.lanes.length).fill(0);
      this.lastWait = wait;
      const done = (): void => {
        if (this.lastWait === wait) { this.lastWait = null; this.covered = null; }
      };
      void wait.then(() => {
        done();
        marks.forEach((s, l) => { if (s > this.lanes[l]!.durableSeq) this.lanes[l]!.durableSeq = s; });
      }, done);
    }
    covered[lane] = seq;
    return { seq, durable: wait };
  }

  pending(lane: number, afterSeq: number, maxMessages: number, maxBytes: number, now: number): OutboxEntry[] {
    const q = this.lanes[lane]!;
    const out: OutboxEntry[] = [];
    let bytes = 0;
    for (let i = this.firstAfter(q, afterSeq); i < q.slots.length && out.length < maxMessages; i++) {
      const slot = q.slots[i]!;
      if (!slot.live) continue;
      // Not durable yet: sent only within the reservation and from memory (an uncommitted record cannot be read back).
      if (slot.seq > q.durableSeq && (slot.seq > q.speculateTo || !slot.bytes)) break;
      if (slot.expiresAt && slot.expiresAt <= now) {
        this.kill(lane, q, slot);
        this.emit(lane, slot.seq, 'ttl');
        continue;
      }
      if (out.length > 0 && bytes + slot.size > maxBytes) break;
      bytes += slot.size;
      // The slot itself is the entry: no object per message per flush. A durable
      // store's bytes stay on the slot until the ack (bounded by the in-flight window).
      slot.bytes ??= this.read(lane, slot);
      out.push(slot as OutboxEntry);
    }
    this.compact(q);
    return out;
  }

  ack(lane: number, seq: number): void {
    const q = this.lanes[lane]!;
    const from = q.head < q.slots.length ? q.slots[q.head]!.seq : seq + 1;
    while (q.head < q.slots.length && q.slots[q.head]!.seq <= seq) {
      const slot = q.slots[q.head]!;
      if (slot.live) this.kill(lane, q, slot, false);
      q.head++;
    }
    this.compact(q);
    if (from <= seq) this.eraseAcked(lane, from, seq);
  }

  /** Forgets every message of the lane in [from, to]: the peer has them. A memory store has nothing to forget. */
  protected eraseAcked(_lane: number, _from: number, _to: number): void {}

  lastSeq(lane: number): number {
    return this.lanes[lane]!.lastSeq;
  }

  depth(lane: number): LaneDepth {
    const q = this.lanes[lane]!;
    this.compact(q);
    const first = q.slots[q.head];
    return { messages: q.count, bytes: q.bytes, oldestAt: first ? first.createdAt : null };
  }

  abstract close(): Promise<void> | void;

  /** Puts a slot read back from the store into its lane (at open); newer slots of a coalesced key win. */
  protected restore(lane: number, slot: Slot): void {
    const q = this.lanes[lane]!;
    const policy = this.policies[lane]!;
    q.slots.push(slot);
    q.count++;
    q.bytes += slot.size + SLOT_OVERHEAD;
    if (slot.seq > q.lastSeq) q.lastSeq = slot.seq;
    q.durableSeq = q.lastSeq;
    if (policy.coalesce && slot.key) {
      const older = q.byKey?.get(slot.key);
      if (older?.live) this.kill(lane, q, older);
      (q.byKey ??= new Map()).set(slot.key, slot);
    }
  }

  protected emit(lane: number, seq: number, reason: DropReason): void {
    for (const l of this.listeners) l(lane, seq, reason);
  }

  /** Takes a message out of the queue; `erase` false when eraseAcked() forgets it with its range. */
  protected kill(lane: number, q: LaneQueue, slot: Slot, erase = true): void {
    slot.live = false;
    slot.bytes = undefined;
    q.count--;
    q.bytes -= slot.size + SLOT_OVERHEAD;
    if (q.byKey?.get(slot.key) === slot) q.byKey.delete(slot.key);
    if (erase) this.erase(lane, slot.seq);
  }

  /** Drops the oldest live message other than `keep`; false when there is none. */
  private dropOldest(lane: number, q: LaneQueue, keep: Slot | undefined): boolean {
    for (let i = q.head; i < q.slots.length; i++) {
      const slot = q.slots[i]!;
      if (!slot.live || slot === keep) continue;
      this.kill(lane, q, slot);
      this.emit(lane, slot.seq, 'overflow');
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
      if (q.slots[mid]!.seq <= afterSeq) lo = mid + 1;
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
