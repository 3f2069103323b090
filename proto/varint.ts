/** Protobuf base-128 varints, for the hand-built and hand-read frames (batches, acks, keepalives, stream data). */

export function varintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) { n = Math.floor(n / 128); len++; }
  return len;
}

export function writeVarint(buf: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) { buf[at++] = (n & 0x7f) | 0x80; n = Math.floor(n / 128); }
  buf[at++] = n;
  return at;
}

/** Where the last readVarint stopped (module state, so reads return plain numbers, no tuples; importers see it live). */
export let varintEnd = 0;

/** The varint at b[at..end) if below 2^53, else -1 (truncated, longer than 8 bytes, or larger); sets varintEnd. */
export function readVarint(b: Uint8Array, at: number, end: number): number {
  if (at < end) {
    const first = b[at]!;
    if (first < 0x80) { varintEnd = at + 1; return first; }
  }
  let n = 0;
  let mul = 1;
  for (let i = 0; i < 8 && at < end; i++) {
    const byte = b[at++]!;
    n += (byte & 0x7f) * mul;
    if (byte < 0x80) { varintEnd = at; return n <= Number.MAX_SAFE_INTEGER ? n : -1; }
    mul *= 128;
  }
  return -1;
}
