/**
 * The hot path of receiving: a frame that is exactly Frame{batch{...}} (or an
 * Ack) is read
 * without the protobuf runtime, when everything in it is what this version
 * writes: known fields with their declared wire types, integers a safe number
 * holds, ASCII strings. Anything else (an unknown field, a non-ASCII string, a
 * huge varint, truncation) returns null and takes the general decoder, which
 * either reads it the same way or names the error; so this path changes
 * speed, never meaning. test/batch-decoder.test.ts checks both agree.
 *
 * Why: protobufjs's generated decode (a Reader object, per-field calls, Long
 * handling, a TextDecoder per string) was the largest piece of a receiver's
 * per-message work, and at low rates every instruction counts several times
 * over (a cold CPU after an idle wait).
 */
import type { isthmus } from './gen/hub.js';
import { readVarint, varintEnd } from './varint.js';
import { TAG_FRAME_ACK, TAG_FRAME_BATCH } from './wire-tags.js';

type Frame = isthmus.v1.Frame;
type Message = isthmus.v1.Message;
type Cursor = isthmus.v1.Cursor.$Properties;

/** Strings up to this length are built in JS; longer ones by Buffer's latin1 reader. */
const SHORT_STRING = 32;
const EMPTY: Uint8Array = new Uint8Array(0);

/** Buffer's own latin1 reader (what toString('latin1') calls), without toString's argument handling. */
type Latin1 = Buffer & { latin1Slice(start: number, end: number): string };

/** Read position; module state, so readers return plain values (no tuples). */
let pos = 0;

/** A varint below 2^53 at pos (pos moves past it), or -1. */
function varint(b: Uint8Array, end: number): number {
  const v = readVarint(b, pos, end);
  pos = varintEnd;
  return v;
}

/** An int32 enum the general decoder would read as the same number, or -1. */
function enumValue(b: Uint8Array, end: number): number {
  const v = varint(b, end);
  return v < 0x80000000 ? v : -1;
}

/** Start of a length-delimited field's content (pos moves past it), or -1. */
function span(b: Uint8Array, end: number): number {
  const len = varint(b, end);
  if (len < 0 || len > end - pos) return -1;
  const start = pos;
  pos += len;
  return start;
}

/** An ASCII string field, or null (non-ASCII: the general decoder checks UTF-8). */
function ascii(b: Latin1, end: number): string | null {
  const start = span(b, end);
  if (start < 0) return null;
  if (pos - start > SHORT_STRING) {
    for (let i = start; i < pos; i++) if (b[i]! >= 0x80) return null;
    return b.latin1Slice(start, pos);
  }
  // Ids, kinds and content types: built in JS, cheaper than a call into C++ when the CPU is cold,
  // eight characters per string made (one per character made ~18 strings of a message id).
  for (let i = start; i < pos; i++) if (b[i]! >= 0x80) return null;
  let s = '';
  for (let i = start; i < pos; i += 8) s += eight(b, i, pos - i);
  return s;
}

const fromCodes = String.fromCharCode;

/** The string of up to eight bytes from `i` (n of them; more than eight reads eight). */
function eight(b: Uint8Array, i: number, n: number): string {
  switch (n) {
    case 1: return fromCodes(b[i]!);
    case 2: return fromCodes(b[i]!, b[i + 1]!);
    case 3: return fromCodes(b[i]!, b[i + 1]!, b[i + 2]!);
    case 4: return fromCodes(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);
    case 5: return fromCodes(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!);
    case 6: return fromCodes(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!);
    case 7: return fromCodes(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!);
    default: return fromCodes(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
  }
}

function message(b: Latin1, end: number): Message | null {
  const m = {
    id: '', lane: 0, seq: 0, key: '', kind: '', op: 0, type: 0, namespace: '', name: '',
    resourceVersion: 0, createdAt: 0, expiresAt: 0, traceId: '', contentType: '', payload: EMPTY as Uint8Array,
  };
  while (pos < end) {
    const tag = b[pos++]!;
    let s: string | null = '';
    let n = 0;
    switch (tag) {
      case 0x0a: if ((s = ascii(b, end)) === null) return null; m.id = s; break;
      case 0x10: if ((n = enumValue(b, end)) < 0) return null; m.lane = n; break;
      case 0x18: if ((n = varint(b, end)) < 0) return null; m.seq = n; break;
      case 0x22: if ((s = ascii(b, end)) === null) return null; m.key = s; break;
      case 0x2a: if ((s = ascii(b, end)) === null) return null; m.kind = s; break;
      case 0x30: if ((n = enumValue(b, end)) < 0) return null; m.op = n; break;
      case 0x38: if ((n = enumValue(b, end)) < 0) return null; m.type = n; break;
      case 0x42: if ((s = ascii(b, end)) === null) return null; m.namespace = s; break;
      case 0x4a: if ((s = ascii(b, end)) === null) return null; m.name = s; break;
      case 0x50: if ((n = varint(b, end)) < 0) return null; m.resourceVersion = n; break;
      case 0x58: if ((n = varint(b, end)) < 0) return null; m.createdAt = n; break;
      case 0x60: if ((n = varint(b, end)) < 0) return null; m.expiresAt = n; break;
      case 0x6a: if ((s = ascii(b, end)) === null) return null; m.traceId = s; break;
      case 0x72: if ((s = ascii(b, end)) === null) return null; m.contentType = s; break;
      case 0x7a: {
        const start = span(b, end);
        if (start < 0) return null;
        m.payload = b.subarray(start, pos); // a view, as protobufjs gives for a Buffer
        break;
      }
      default: return null;
    }
  }
  return m as Message;
}

function cursor(b: Latin1, end: number): Cursor | null {
  const c = { epoch: '', lane: 0, seq: 0 };
  while (pos < end) {
    const tag = b[pos++]!;
    if (tag === 0x0a) {
      const s = ascii(b, end);
      if (s === null) return null;
      c.epoch = s;
    } else if (tag === 0x10) {
      if ((c.lane = enumValue(b, end)) < 0) return null;
    } else if (tag === 0x18) {
      if ((c.seq = varint(b, end)) < 0) return null;
    } else {
      return null;
    }
  }
  return c;
}

/**
 * Frame{batch} or Frame{ack} read directly, or null: see the top of this
 * file. Not validated (decodeFrame does that).
 */
export function decodeBatchFast(bytes: Uint8Array): Frame | null {
  const frameTag = bytes[0];
  if (frameTag !== TAG_FRAME_BATCH && frameTag !== TAG_FRAME_ACK) return null;
  const b = (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Latin1;
  pos = 1;
  const end = b.length;
  const inner = span(b, end);
  if (inner < 0 || pos !== end) return null;
  pos = inner;
  const messages: Message[] = [];
  const acks: Cursor[] = [];
  const received: Cursor[] = [];
  // Batch: messages = 1, acks = 2. Ack: cursors = 1, received = 2.
  const messageTag = frameTag === TAG_FRAME_BATCH ? 0x0a : -1;
  const cursorTag = frameTag === TAG_FRAME_BATCH ? 0x12 : 0x0a;
  const receivedTag = frameTag === TAG_FRAME_ACK ? 0x12 : -1;
  while (pos < end) {
    const tag = b[pos++]!;
    if (tag !== messageTag && tag !== cursorTag && tag !== receivedTag) return null;
    const start = span(b, end);
    if (start < 0) return null;
    const stop = pos;
    pos = start;
    if (tag === messageTag) {
      const m = message(b, stop);
      if (!m) return null;
      messages.push(m);
    } else {
      const c = cursor(b, stop);
      if (!c) return null;
      (tag === cursorTag ? acks : received).push(c);
    }
    pos = stop;
  }
  if (frameTag === TAG_FRAME_ACK) return { body: 'ack', ack: { cursors: acks, received } } as unknown as Frame;
  return { body: 'batch', batch: { messages, acks } } as unknown as Frame;
}
