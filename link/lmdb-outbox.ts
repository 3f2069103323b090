/**
 * An outbox in the LMDB store: bytes on disk, only the queue's metadata in
 * memory. Messages are written in runs (lmdb-group.ts): what one event-loop
 * turn appends to a lane is one record, written at the end of the turn with
 * the store's other writes of that turn (one commit, one sync), and the
 * publishers' promises resolve once that commit is synced.
 */
import { randomBytes } from 'node:crypto';
import { pb } from '../proto/index.js';
import { LANE_COUNT } from './lane.js';
import type { LanePolicy } from './outbox.js';
import { QueuedOutbox, type LaneQueue, type Slot } from './queued-outbox.js';
import type { LmdbStore } from './lmdb-store.js';
import { StoreCorruptError } from './store-check.js';
import { entriesOf, Group, GroupList, GROUP_BYTES } from './lmdb-group.js';
import { deferred, type Deferred } from './deferred.js';

/** Acknowledged runs removed per background slice, and the pause between slices. */
const PURGE_SLICE = 256;
const PURGE_INTERVAL_MS = 50;
const EMPTY = new Uint8Array(0);
/**
 * Seqs reserved ahead of the last assigned: the most messages of a lane that
 * can be on the wire before they are durable, and the jump in numbering after
 * a restart (a receiver takes any seq above its watermark; seqs need not be
 * contiguous).
 */
const RESERVE_AHEAD = 1 << 16;

/** The record last read back per lane: a drain reads a run once, not once per message. */
interface ReadBack {
  group: Group;
  record: Buffer;
  entries: Array<[number, number]>;
}

export class LmdbOutbox extends QueuedOutbox {
  readonly epoch: string;
  private lastWrite: Promise<unknown> | null = null;
  /** Publishers of this turn's appends wait on this: resolved once the turn's runs are written, committed and synced. */
  private turn: Deferred | null = null;
  private online = false;
  /** Per lane, made on its first run: an idle link's lanes hold none (scale: bytes per idle edge). */
  private readonly groups: Array<GroupList | undefined> = new Array<GroupList | undefined>(LANE_COUNT).fill(undefined);
  private readonly readBack: Array<ReadBack | null> = new Array<ReadBack | null>(LANE_COUNT).fill(null);
  /** Per lane, the acked floor whose runs are still on disk (removed in the background). */
  private readonly purgeTo = new Array<number>(LANE_COUNT).fill(0);
  /** Lanes whose acked floor changed since it was last written (bit per lane). */
  private floorsDirty = 0;
  private purging: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly store: LmdbStore, private readonly peer: string, policies: readonly LanePolicy[]) {
    super(policies);
    const saved = store.meta.get(['outbox-epoch', peer]);
    if (typeof saved === 'string') {
      this.epoch = saved;
    } else {
      this.epoch = randomBytes(8).toString('hex');
      // Not putSync (one fsync per new node: 100 new nodes a second at most). The put commits in
      // order with, and no later than, the first message of this epoch, and nothing is sent before
      // that message is durable; a crash before it commits only means a new epoch with nothing sent.
      void store.meta.put(['outbox-epoch', peer], this.epoch);
    }
    this.load();
    // The control lane's seqs are reserved as the outbox opens: by the time the peer is
    // online (a handshake later), the reservation is synced, and the first control message
    // after a restart (a clean close shrinks the reservation) does not wait for its own
    // commit and sync: 2-4 ms in a drain, where the first echo of each round came right
    // after the edge was online (bench/store/drain-probe, handlerToFlush).
    this.reserve(0, this.lanes[0]!.lastSeq + 1);
  }

  private corrupt(detail: string): StoreCorruptError {
    return new StoreCorruptError(`${this.store.location}/data.mdb`, detail);
  }

  /** Rebuilds each lane's queue from disk: a restart resumes where the crash left off. */
  private load(): void {
    for (let lane = 0; lane < LANE_COUNT; lane++) {
      const floorSaved = this.store.meta.get(['floor', this.peer, lane]);
      const floor = typeof floorSaved === 'number' ? floorSaved : 0;
      const tombs = new Set<number>();
      for (const key of this.store.meta.getKeys({ start: ['dead', this.peer, lane, 0], end: ['dead', this.peer, lane, Number.MAX_SAFE_INTEGER] })) tombs.add(Number(key[3]));
      let stale = false;
      for (const { key, value } of this.store.msgs.getRange({ start: [this.peer, lane, 0], end: [this.peer, lane, Number.MAX_SAFE_INTEGER] })) {
        const first = Number(key[2]);
        let entries: Array<[number, number]>;
        try {
          entries = entriesOf(value);
        } catch (err) {
          throw this.corrupt(`record ${JSON.stringify(key)} is damaged: ${(err as Error).message}`);
        }
        const g = new Group(first);
        g.parts = null;
        g.last = first + entries.length - 1;
        g.size = value.length;
        this.runs(lane).push(g);
        if (g.last <= floor) {
          stale = true; // acked before the restart; its removal had not run yet
          continue;
        }
        for (let i = 0; i < entries.length; i++) {
          const seq = first + i;
          if (tombs.delete(seq)) {
            (g.dead ??= []).push(seq);
            continue;
          }
          const [start, len] = entries[i]!;
          if (len === 0) continue;
          g.live++; // counted before restore(): restoring may drop an older message of the same key in this run
          if (seq <= floor) continue;
          let m;
          try {
            m = pb.Message.decode(value.subarray(start, start + len));
          } catch (err) {
            throw this.corrupt(`message ${this.peer}/${lane}/${seq} does not decode: ${(err as Error).message}`);
          }
          if (Number(m.seq) !== seq) throw this.corrupt(`record ${JSON.stringify(key)} holds seq ${String(m.seq)} where ${seq} belongs`);
          this.restore(lane, { seq, key: m.key, createdAt: Number(m.createdAt), expiresAt: Number(m.expiresAt), size: len, live: true });
        }
        if (g.live === 0 && !g.gone) this.removeGroup(lane, g); // every message in it was dropped
      }
      // Tombstones of runs already removed (a crash between the two removals).
      for (const seq of tombs) void this.store.meta.remove(['dead', this.peer, lane, seq]);
      const last = this.store.meta.get(['last', this.peer, lane]);
      const reserved = this.store.meta.get(['reserved', this.peer, lane]);
      const q = this.lanes[lane]!;
      // Numbering goes on past the reservation: any seq up to it may have been sent before a crash lost it.
      q.reservedTo = typeof reserved === 'number' ? reserved : 0;
      const known = Math.max(typeof last === 'number' ? last : 0, floor, q.reservedTo);
      if (known > q.lastSeq) q.lastSeq = q.durableSeq = known;
      if (stale) this.eraseAcked(lane, 0, floor);
    }
  }

  peerOnline(online: boolean): void {
    this.online = online;
    // Tops up the control lane's reservation (made at open) as the peer comes, not at its first
    // message, which would otherwise wait for its own commit and sync.
    if (online) this.reserve(0, this.lanes[0]!.lastSeq + 1);
  }

  private runs(lane: number): GroupList {
    return (this.groups[lane] ??= new GroupList());
  }

  /** Most bytes per run: a coalescing lane keeps one message per record, so a superseded one frees its disk at once. */
  private groupBytes(lane: number): number {
    return this.policies[lane]!.coalesce ? 0 : GROUP_BYTES;
  }

  protected override admit(): void {
    this.store.guard.check();
  }

  protected write(lane: number, slot: Slot, bytes: Uint8Array): void {
    const list = this.runs(lane);
    let g = list.open();
    if (g && (g.last + 1 !== slot.seq || g.size + 4 + bytes.length > this.groupBytes(lane))) {
      this.writeGroup(lane, g); // full: written now, in this turn's commit all the same
      g = null;
    }
    if (!g) {
      g = new Group(slot.seq);
      list.push(g);
    }
    g.add(bytes);
    // A coalescing lane writes at once: the record of a message this one supersedes is
    // removed right after (in append), and the two must commit together, the new one first.
    if (this.groupBytes(lane) === 0) this.writeGroup(lane, g);
    // Fresh messages keep their bytes (within a budget) so sending them soon does not read
    // them back; not while the peer is away, when they would only fill memory.
    if (this.online && this.store.cachedBytes + bytes.length <= this.store.cacheBudget) {
      slot.bytes = bytes;
      this.store.cachedBytes += bytes.length;
      this.reserve(lane, slot.seq); // only a message in memory can go before its commit
    }
  }

  /**
   * Keeps the lane's seqs reserved well ahead of the last one assigned, so a
   * message may go to the peer while its commit is still on the way (see
   * LaneQueue.speculateTo): one small write per RESERVE_AHEAD / 2 messages,
   * riding in this turn's commit. Until it is synced, messages wait for their
   * own commit as they would without it.
   */
  private reserve(lane: number, seq: number): void {
    const q = this.lanes[lane]!;
    if (seq + RESERVE_AHEAD / 2 <= q.reservedTo) return;
    const to = q.reservedTo = seq + RESERVE_AHEAD;
    this.store.durable(this.store.meta.put(['reserved', this.peer, lane], to)).then(() => {
      if (to > q.speculateTo) q.speculateTo = to;
    }, () => {}); // not written: nothing is sent early (the failure reaches publishers through their own commit)
  }

  private writeGroup(lane: number, g: Group): void {
    const record = g.encode(this.store.arena.alloc(g.size));
    g.parts = null;
    this.lastWrite = this.store.msgs.put([this.peer, lane, g.first], record);
    this.store.arena.wrote(this.lastWrite);
  }

  /** Writes the runs this turn appended (called once per turn by the store), then resolves their publishers once durable. */
  writeRuns(): void {
    const turn = this.turn;
    this.turn = null;
    if (this.closed) {
      turn?.reject(new Error(`outbox of ${this.peer} is closed`));
      return;
    }
    try {
      this.writeFloors(); // a free ride in this turn's commit
      for (let lane = 0; lane < LANE_COUNT; lane++) {
        const g = this.groups[lane]?.open();
        if (g) this.writeGroup(lane, g);
      }
    } catch (err) {
      // Not written: these publishers are told, and a restart does not hold these messages.
      if (turn) turn.reject(err);
      else throw err;
      return;
    }
    if (!turn) return;
    // Commits complete in order: once the last write is synced, so is every earlier one.
    if (this.lastWrite) this.store.durable(this.lastWrite).then(turn.resolve, turn.reject);
    else turn.resolve();
  }

  protected erase(lane: number, seq: number): void {
    // The lane's last seq must survive its last message: a restart reads it from meta
    // when no message is left (the highest key gives it otherwise). Written before the
    // removal, so it commits no later than the removal does.
    if (seq === this.lanes[lane]!.lastSeq) void this.store.meta.put(['last', this.peer, lane], seq);
    const g = this.groups[lane]?.find(seq);
    if (!g) return;
    g.live--;
    if (g.parts) {
      // Not written yet: it is written empty (the run's seqs stay positional), or not at all.
      const i = seq - g.first;
      g.size -= g.parts[i]!.length;
      g.parts[i] = EMPTY;
      if (g.live === 0) g.gone = true;
    } else if (g.live === 0) {
      this.removeGroup(lane, g);
    } else {
      void this.store.meta.put(['dead', this.peer, lane, seq], 1);
      (g.dead ??= []).push(seq);
    }
  }

  /** Removes a run's record and its tombstones. */
  private removeGroup(lane: number, g: Group): void {
    g.gone = true;
    void this.store.msgs.remove([this.peer, lane, g.first]);
    if (g.dead) for (const seq of g.dead) void this.store.meta.remove(['dead', this.peer, lane, seq]);
    g.dead = null;
    const r = this.readBack[lane];
    if (r && r.group === g) this.readBack[lane] = null;
    this.groups[lane]?.compact();
  }

  /**
   * An ack writes nothing at once: the lane's acked floor is written with the
   * next turn's runs or by the next background slice (at most PURGE_INTERVAL_MS
   * later), and the runs wholly below it are removed in the background, a slice
   * at a time, so that a drain's acks do not swell the commits a live control
   * message waits for. A commit of its own per Ack frame cost about as many
   * commits (each a sync) as the messages' own: 1 KB messages sent at full
   * speed, 0.5 ack commits per message commit. Losing a floor in a crash only
   * resends what the peer already has; its watermark drops the copies. A
   * restart skips (and removes) runs at or below the floor.
   */
  protected override eraseAcked(lane: number, _from: number, to: number): void {
    if (to > this.purgeTo[lane]!) this.purgeTo[lane] = to;
    this.floorsDirty |= 1 << lane;
    if (!this.purging && !this.closed) {
      this.purging = setTimeout(() => this.purgeSlice(), PURGE_INTERVAL_MS);
      this.purging.unref();
    }
  }

  /** Writes the acked floors that changed; before any removal of runs below them. */
  private writeFloors(): void {
    if (this.floorsDirty === 0) return;
    for (let lane = 0; lane < LANE_COUNT; lane++) {
      if (this.floorsDirty & (1 << lane)) void this.store.meta.put(['floor', this.peer, lane], this.purgeTo[lane]!);
    }
    this.floorsDirty = 0;
  }

  private purgeSlice(): void {
    this.purging = null;
    this.writeFloors();
    let budget = PURGE_SLICE;
    let more = false;
    for (let lane = 0; lane < LANE_COUNT; lane++) {
      const list = this.groups[lane];
      if (!list) continue;
      for (const g of list.upTo(this.purgeTo[lane]!)) {
        if (budget-- <= 0) {
          more = true;
          break;
        }
        this.removeGroup(lane, g);
      }
    }
    if (more && !this.closed) {
      this.purging = setTimeout(() => this.purgeSlice(), PURGE_INTERVAL_MS);
      this.purging.unref();
    }
  }

  protected read(lane: number, slot: Slot): Uint8Array {
    const g = this.groups[lane]?.find(slot.seq);
    if (!g) throw this.corrupt(`queued message ${this.peer}/${lane}/${slot.seq} has no record`);
    let r = this.readBack[lane];
    if (!r || r.group !== g) {
      // A copy (not getBinaryFast's shared buffer): the slots keep subarrays of it until acked.
      const record = this.store.msgs.getBinary([this.peer, lane, g.first]);
      if (!record) throw this.corrupt(`queued message ${this.peer}/${lane}/${slot.seq} is missing`);
      r = { group: g, record, entries: entriesOf(record) };
      this.readBack[lane] = r;
    }
    const entry = r.entries[slot.seq - g.first];
    if (!entry || entry[1] === 0) throw this.corrupt(`queued message ${this.peer}/${lane}/${slot.seq} is missing from its record`);
    const bytes = r.record.subarray(entry[0], entry[0] + entry[1]);
    this.store.cachedBytes += bytes.length;
    return bytes;
  }

  protected override kill(lane: number, q: LaneQueue, slot: Slot, erase = true): void {
    if (slot.bytes) this.store.cachedBytes -= slot.bytes.length;
    super.kill(lane, q, slot, erase);
  }

  /** One wait per turn for all of its appends (see writeRuns). */
  protected durable(): Promise<void> {
    if (!this.turn) {
      this.turn = deferred();
      this.store.writeAtTurnEnd(this);
    }
    return this.turn.promise;
  }

  close(): void {
    // The last commit holds every seq assigned: a clean restart numbers on from the last one, without a jump.
    for (let lane = 0; lane < LANE_COUNT; lane++) {
      const q = this.lanes[lane]!;
      if (q.reservedTo > q.lastSeq) void this.store.meta.put(['reserved', this.peer, lane], q.reservedTo = q.lastSeq);
    }
    this.writeRuns(); // what was accepted this turn is written before the environment closes
    this.closed = true;
    if (this.purging) clearTimeout(this.purging);
    this.purging = null;
  }
}
