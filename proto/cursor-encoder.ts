/**
 * Hand-written encoders for acknowledgements, written on every exchange:
 * Batch.acks (riding on a reply) and the Ack frame. Byte-identical to
 * protobufjs's encoding of the same cursors (test/codec.test.ts), without
 * its writer objects.
 */
import type { isthmus } from './gen/hub.js';
import { varintLength, writeVarint } from './varint.js';

type Cursor = isthmus.v1.Cursor.$Properties;

const TAG_CURSOR_EPOCH = 0x0a; // Cursor.epoch, field 1, length-delimited
const TAG_CURSOR_LANE = 0x10; // Cursor.lane, field 2, varint
const TAG_CURSOR_SEQ = 0x18; // Cursor.seq, field 3, varint
const TAG_BATCH_ACKS = 0x12; // Batch.acks, field 2
const TAG_ACK_CURSORS = 0x0a; // Ack.cursors, field 1
const TAG_FRAME_ACK = 0x22; // Frame.ack, field 4

function cursorLength(c: Cursor, epochBytes: number): number {
  let n = 0;
  if (epochBytes) n += 1 + varintLength(epochBytes) + epochBytes;
  if (c.lane) n += 1 + varintLength(c.lane);
  if (c.seq) n += 1 + varintLength(c.seq);
  return n;
}

/** Each cursor as a length-delimited field `tag`, written at `at`; returns the end. */
function writeCursors(out: Buffer, at: number, tag: number, cursors: readonly Cursor[], epochBytes: readonly number[]): number {
  cursors.forEach((c, i) => {
    const eb = epochBytes[i]!;
    out[at++] = tag;
    at = writeVarint(out, at, cursorLength(c, eb));
    if (eb) {
      out[at++] = TAG_CURSOR_EPOCH;
      at = writeVarint(out, at, eb);
      at += out.write(c.epoch!, at, eb, 'utf8');
    }
    if (c.lane) { out[at++] = TAG_CURSOR_LANE; at = writeVarint(out, at, c.lane); }
    if (c.seq) { out[at++] = TAG_CURSOR_SEQ; at = writeVarint(out, at, c.seq); }
  });
  return at;
}

/** Bytes of the repeated field: [tag, length, cursor] per cursor. */
function fieldsLength(cursors: readonly Cursor[], epochBytes: readonly number[]): number {
  let n = 0;
  cursors.forEach((c, i) => { const len = cursorLength(c, epochBytes[i]!); n += 1 + varintLength(len) + len; });
  return n;
}

/** Batch.acks, to append to a batch frame's messages (see encodeBatchFrame). */
export function encodeBatchAcks(cursors: readonly Cursor[]): Uint8Array {
  const eb = cursors.map((c) => (c.epoch ? Buffer.byteLength(c.epoch, 'utf8') : 0));
  const out = Buffer.allocUnsafe(fieldsLength(cursors, eb));
  writeCursors(out, 0, TAG_BATCH_ACKS, cursors, eb);
  return out;
}

/** Frame{ack{cursors}}. */
export function encodeAckFrame(cursors: readonly Cursor[]): Uint8Array {
  const eb = cursors.map((c) => (c.epoch ? Buffer.byteLength(c.epoch, 'utf8') : 0));
  const inner = fieldsLength(cursors, eb);
  const out = Buffer.allocUnsafe(1 + varintLength(inner) + inner);
  out[0] = TAG_FRAME_ACK;
  writeCursors(out, writeVarint(out, 1, inner), TAG_ACK_CURSORS, cursors, eb);
  return out;
}
