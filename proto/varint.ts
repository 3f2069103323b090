/** Protobuf base-128 varints, for the hand-built frames (batches, stream data). */

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
