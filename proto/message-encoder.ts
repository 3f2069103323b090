/**
 * A hand-written encoder for Message, the hot path of every publish: sizes
 * the message once and writes it into a shared slab, instead of protobufjs's
 * writer (an op list, then a copy) and a fresh allocation per message. It
 * writes canonical proto3 (default values omitted); test/codec.test.ts checks
 * that protobufjs decodes it to the same message.
 */
import type { isthmus } from './gen/hub.js';

type Props = isthmus.v1.Message.$Properties;

const SLAB_BYTES = 1 << 20;
let slab = Buffer.allocUnsafe(SLAB_BYTES);
let used = 0;

function varintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  let size = 4;
  n = Math.floor(n / 0x10000000);
  while (n > 0) { size++; n = Math.floor(n / 128); }
  return size;
}

function writeVarint(buf: Buffer, at: number, n: number): number {
  while (n >= 0x80) {
    buf[at++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[at++] = n;
  return at;
}

/** Strings up to this length are measured and copied in JS: cheaper than a call into C++ for each. */
const SHORT_STRING = 64;

/** UTF-8 length of s, as Buffer.byteLength counts it (a lone surrogate becomes 3 bytes, U+FFFD). */
function utf8Length(s: string): number {
  if (s.length > SHORT_STRING) return Buffer.byteLength(s, 'utf8');
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; } else n += 3;
  }
  return n;
}

/** Bytes of a length-delimited field: tag + length + content. */
function fieldSize(len: number): number {
  return 1 + varintSize(len) + len;
}

const STRINGS = [[1, 'id'], [4, 'key'], [5, 'kind'], [8, 'namespace'], [9, 'name'], [13, 'traceId'], [14, 'contentType']] as const;
const NUMBERS = [[2, 'lane'], [3, 'seq'], [6, 'op'], [7, 'type'], [10, 'resourceVersion'], [11, 'createdAt'], [12, 'expiresAt']] as const;

/** Encodes a message (numbers must be safe non-negative integers: the codec validated them). */
export function encodeMessageFast(m: Props): Uint8Array {
  // Field order on the wire follows field numbers, as protobufjs writes them.
  let size = 0;
  const lens: number[] = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < STRINGS.length; i++) {
    const s = m[STRINGS[i]![1]];
    if (s) {
      const n = utf8Length(s);
      lens[i] = n;
      size += fieldSize(n);
    }
  }
  for (const [, f] of NUMBERS) {
    const v = m[f];
    if (v) size += 1 + varintSize(v);
  }
  const payload = m.payload;
  if (payload && payload.length) size += fieldSize(payload.length);

  if (used + size > SLAB_BYTES) {
    slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, size));
    used = 0;
  }
  const buf = slab;
  const start = used;
  let at = start;
  const str = (i: number, field: number): void => {
    const s = m[STRINGS[i]![1]];
    if (!s) return;
    const n = lens[i]!;
    buf[at++] = (field << 3) | 2;
    at = writeVarint(buf, at, n);
    if (n === s.length && n <= SHORT_STRING) {
      for (let j = 0; j < n; j++) buf[at + j] = s.charCodeAt(j); // ASCII: one byte per character
      at += n;
    } else {
      at += buf.write(s, at, n, 'utf8');
    }
  };
  const num = (field: number, v: number | null | undefined): void => {
    if (!v) return;
    buf[at++] = field << 3;
    at = writeVarint(buf, at, v);
  };
  str(0, 1);
  num(2, m.lane);
  num(3, m.seq);
  str(1, 4);
  str(2, 5);
  num(6, m.op);
  num(7, m.type);
  str(3, 8);
  str(4, 9);
  num(10, m.resourceVersion);
  num(11, m.createdAt);
  num(12, m.expiresAt);
  str(5, 13);
  str(6, 14);
  if (payload && payload.length) {
    buf[at++] = (15 << 3) | 2;
    at = writeVarint(buf, at, payload.length);
    buf.set(payload, at);
    at += payload.length;
  }
  used = at;
  return buf.subarray(start, at);
}
