/**
 * Bump allocation for the bytes of the message path (encoded messages,
 * frames, received frames): a view of a 64 KiB slab. Buffer.allocUnsafe does
 * the same from an 8 KiB pool, but with more steps; on a cold CPU (the first
 * message after an idle wait) each allocation cost ~14 µs against ~5 µs for
 * a view (`node dist/bench/cold-cpu.js`, ARCHITECTURE.md "Latency").
 *
 * A region is never reused: a full slab is replaced, and the old one is
 * freed by the garbage collector once no view of it is alive. A view that
 * lives long (a message queued in memory for an offline peer) keeps its
 * slab, so the slab is small: at most 64 KiB held per such message.
 */
const SLAB_BYTES = 64 * 1024;
/** Larger requests get a buffer of their own. */
const OWN_BUFFER_FROM = 8 * 1024;

let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let used = 0;

/** `size` bytes, uninitialised, valid for as long as the caller holds them. */
export function slabAlloc(size: number): Buffer {
  if (size >= OWN_BUFFER_FROM) return Buffer.allocUnsafeSlow(size);
  if (used + size > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    used = 0;
  }
  const b = slab.subarray(used, used + size);
  used += size;
  return b;
}

/** Small byte strings are copied in JS (no call into the runtime); larger ones by set(). */
export function copyBytes(to: Uint8Array, at: number, from: Uint8Array): void {
  const n = from.length;
  if (n <= 128) for (let i = 0; i < n; i++) to[at + i] = from[i]!;
  else to.set(from, at);
}
