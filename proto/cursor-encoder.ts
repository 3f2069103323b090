/**
 * Hand-written encoders for acknowledgements, written on every exchange:
 * Batch.acks (riding on a reply, written into the batch frame itself) and
 * the Ack frame. Byte-identical to protobufjs's encoding of the same cursors
 * (test/codec.test.ts), without its writer objects.
 */
import type { isthmus } from './gen/hub.js';
import { slabAlloc } from './slab.js';
import { utf8Length, writeUtf8 } from './utf8.js';
import { varintLength, writeVarint } from './varint.js';
import { TAG_FRAME_ACK } from './wire-tags.js';

type Cursor = isthmus.v1.Cursor.$Properties;

const TAG_CURSOR_EPOCH = 0x0a; // Cursor.epoch, field 1, length-delimited
const TAG_CURSOR_LANE = 0x10; // Cursor.lane, field 2, varint
const TAG_CURSOR_SEQ = 0x18; // Cursor.seq, field 3, varint
const TAG_ACK_CURSORS = 0x0a; // Ack.cursors, field 1
const TAG_ACK_RECEIVED = 0x12; // Ack.received, field 2

function cursorLength(c: Cursor): number {
  let n = 0;
  if (c.epoch) { const eb = utf8Length(c.epoch); n += 1 + varintLength(eb) + eb; }
  if (c.lane) n += 1 + varintLength(c.lane);
  if (c.seq) n += 1 + varintLength(c.seq);
  return n;
}

/** Bytes of the cursors as a repeated field: [tag, length, cursor] each. */
export function cursorFieldsLength(cursors: readonly Cursor[]): number {
  let n = 0;
  for (const c of cursors) { const len = cursorLength(c); n += 1 + varintLength(len) + len; }
  return n;
}

/** Writes each cursor as a length-delimited field `tag` at `at`; returns the end. */
export function writeCursorFields(out: Buffer, at: number, tag: number, cursors: readonly Cursor[]): number {
  for (const c of cursors) {
    out[at++] = tag;
    at = writeVarint(out, at, cursorLength(c));
    if (c.epoch) {
      const eb = utf8Length(c.epoch);
      out[at++] = TAG_CURSOR_EPOCH;
      at = writeVarint(out, at, eb);
      at = writeUtf8(out, at, c.epoch, eb);
    }
    if (c.lane) { out[at++] = TAG_CURSOR_LANE; at = writeVarint(out, at, c.lane); }
    if (c.seq) { out[at++] = TAG_CURSOR_SEQ; at = writeVarint(out, at, c.seq); }
  }
  return at;
}

/** Frame{ack{cursors, received}}. */
export function encodeAckFrame(cursors: readonly Cursor[], received: readonly Cursor[] = []): Uint8Array {
  const inner = cursorFieldsLength(cursors) + cursorFieldsLength(received);
  const out = slabAlloc(1 + varintLength(inner) + inner);
  out[0] = TAG_FRAME_ACK;
  const at = writeCursorFields(out, writeVarint(out, 1, inner), TAG_ACK_CURSORS, cursors);
  writeCursorFields(out, at, TAG_ACK_RECEIVED, received);
  return out;
}
