/**
 * Where the outboxes build the records they hand to LMDB: regions of a few
 * reused 1 MiB arenas instead of a new buffer per record.
 *
 * lmdb-js does not copy a value when it is put: it records the buffer's
 * address and its writer thread reads the bytes when it commits. So a record
 * buffer is busy until its put is committed, and free after. A fresh buffer
 * per record (256 KiB at 1 KB messages) made the durable path allocate twice
 * the external memory of the in-memory one (the encoded messages, then the
 * records), and V8 answers external allocation with scavenges ("external
 * memory pressure"): the edge sending 400k messages ran 76 scavenges (422 ms)
 * against 58 (156 ms) in memory (`node --trace-gc dist/bench/run.js durable
 * --cases up-1`). An arena is reused once the last put that read it is
 * committed: commits complete in order, so every earlier put is too.
 */

/** Bytes of one arena. */
export const ARENA_BYTES = 1 << 20;
/** Records larger than this get a buffer of their own (a message larger than a run). */
const OWN_BUFFER_FROM = ARENA_BYTES / 4;
/** Free arenas kept for reuse: what an idle store holds at most (4 MiB). */
const SPARE_ARENAS = 4;

export class RecordArena {
  private buf: Buffer | null = null;
  private used = 0;
  /** The last put that reads the current arena. */
  private lastPut: Promise<unknown> | null = null;
  private readonly spare: Buffer[] = [];

  /** `size` bytes for a record; pass the put that writes it to `wrote`. */
  alloc(size: number): Buffer {
    if (size > OWN_BUFFER_FROM) return Buffer.allocUnsafeSlow(size);
    if (!this.buf || this.used + size > ARENA_BYTES) this.next();
    const b = this.buf!.subarray(this.used, this.used + size);
    this.used += size;
    return b;
  }

  /** Called with the put of the record last allocated: the arena is busy until it commits. */
  wrote(put: Promise<unknown>): void {
    this.lastPut = put;
  }

  /** Retires the current arena (reused once its last put commits) and takes a free one. */
  private next(): void {
    const old = this.buf;
    const last = this.lastPut;
    this.buf = this.spare.pop() ?? Buffer.allocUnsafeSlow(ARENA_BYTES);
    this.used = 0;
    this.lastPut = null;
    if (!old) return;
    const free = (): void => { if (this.spare.length < SPARE_ARENAS) this.spare.push(old); };
    if (last) last.then(free, free);
    else free();
  }
}
