/**
 * A run of consecutive messages of one lane kept as one LMDB record,
 * [peer, lane, first seq] -> the messages, each behind its length (u32 LE).
 * Appends of one event-loop turn go into one record (up to GROUP_BYTES) instead
 * of a record each: one B-tree insert, one key and one write instruction per
 * run instead of per message, the bytes copied into contiguous overflow pages,
 * and one removal once the run is acknowledged. A message dropped before its
 * run is written is written as an empty entry; one dropped after it is marked
 * by a tombstone (meta ['dead', peer, lane, seq]) until the whole run goes.
 */

/** Most bytes of messages in one record: what one live message can keep on disk at worst. */
export const GROUP_BYTES = 256 * 1024;
const LENGTH = 4;

export class Group {
  /** Seq of the last message in the run (first + count - 1). */
  last: number;
  /** Messages in the run neither acknowledged nor dropped. */
  live = 0;
  /** Seqs of the run dropped after it was written: each has a tombstone in meta. */
  dead: number[] | null = null;
  /** The encoded messages while the record is not written yet (null once it is). */
  parts: Uint8Array[] | null = [];
  /** Bytes the record will take. */
  size = 0;
  /** Removed from the store (or never to be written): skipped by lookups. */
  gone = false;

  constructor(readonly first: number) {
    this.last = first - 1;
  }

  add(bytes: Uint8Array): void {
    this.parts!.push(bytes);
    this.size += LENGTH + bytes.length;
    this.last++;
    this.live++;
  }

  /** The record's bytes, each message behind its length, written into `out` (`size` bytes: see lmdb-arena.ts). */
  encode(out: Buffer): Buffer {
    let at = 0;
    for (const p of this.parts!) {
      out.writeUInt32LE(p.length, at);
      out.set(p, at + LENGTH);
      at += LENGTH + p.length;
    }
    return out;
  }
}

/** Offsets of the entries of a record, in order; an entry's seq is the record's first seq plus its index. */
export function entriesOf(record: Uint8Array): Array<[number, number]> {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const out: Array<[number, number]> = [];
  let at = 0;
  while (at < record.length) {
    if (at + LENGTH > record.length) throw new RangeError(`record ends inside an entry's length at ${at}`);
    const len = view.getUint32(at, true);
    const start = at + LENGTH;
    if (start + len > record.length) throw new RangeError(`entry at ${at} of ${len} bytes runs past the record's ${record.length}`);
    out.push([start, len]);
    at = start + len;
  }
  return out;
}

/** The groups of one lane in seq order, found by seq. */
export class GroupList {
  private list: Group[] = [];
  private head = 0;

  push(g: Group): void {
    this.list.push(g);
  }

  /** The newest group, if it is still open for appends. */
  open(): Group | null {
    const g = this.list[this.list.length - 1];
    return g && g.parts && !g.gone ? g : null;
  }

  /** The group holding seq, or null. */
  find(seq: number): Group | null {
    let lo = this.head;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[mid]!.first <= seq) lo = mid + 1;
      else hi = mid;
    }
    const g = lo > this.head ? this.list[lo - 1]! : null;
    return g && !g.gone && seq <= g.last ? g : null;
  }

  /** Drops removed groups from the front, and reclaims the array once half of it is dead. */
  compact(): void {
    while (this.head < this.list.length && this.list[this.head]!.gone) this.head++;
    if (this.head > 1024 && this.head * 2 > this.list.length) {
      this.list = this.list.slice(this.head);
      this.head = 0;
    }
  }

  /** Groups wholly at or below seq that are not removed yet, oldest first. */
  *upTo(seq: number): Generator<Group> {
    for (let i = this.head; i < this.list.length && this.list[i]!.last <= seq; i++) {
      const g = this.list[i]!;
      if (!g.gone && !g.parts) yield g;
    }
  }
}
