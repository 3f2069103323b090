/**
 * What a received frame holds, read from its bytes without decoding it: the
 * receive queue (link/receive-queue.ts) lets a batch of control messages go
 * ahead of queued frames that hold none, and must know both for certain.
 *
 * Every field of every message is walked (protobuf allows any field order and
 * a repeated lane field, the last one winning), so a frame is called
 * `ControlOnly` or `NoControl` only when each of its messages was read. Any
 * doubt (a truncated field, an unknown wire type, a frame of another kind)
 * gives `Barrier`: that frame keeps its place and nothing passes it.
 */
import { readVarint, varintEnd } from './varint.js';
import { TAG_BATCH_ACKS, TAG_BATCH_MESSAGE, TAG_FRAME_ACK, TAG_FRAME_BATCH, TAG_FRAME_PING, TAG_FRAME_PONG } from './wire-tags.js';

export const FrameClass = {
  /** Holds no control message: an Ack, a Ping, a Pong, a batch of the other lanes. */
  NoControl: 0,
  /** A batch whose messages are all on the control lane. */
  ControlOnly: 1,
  /** Anything else (mixed lanes, other frame kinds, unreadable): handled strictly in order. */
  Barrier: 2,
} as const;
export type FrameClass = (typeof FrameClass)[keyof typeof FrameClass];

const FIELD_LANE = 2; // Message.lane (control = 0, the default: absent on the wire)

/** The lane of the message in b[start, end), or -1 if it cannot be read for certain. */
function laneOf(b: Uint8Array, start: number, end: number): number {
  let at = start;
  let lane = 0;
  while (at < end) {
    const tag = readVarint(b, at, end);
    if (tag < 0) return -1;
    at = varintEnd;
    const wire = tag & 7;
    if (wire === 0) {
      const v = readVarint(b, at, end);
      if (v < 0) return -1;
      at = varintEnd;
      if (tag >>> 3 === FIELD_LANE) lane = v;
    } else if (wire === 2) {
      const len = readVarint(b, at, end);
      if (len < 0 || len > end - varintEnd) return -1;
      at = varintEnd + len;
    } else if (wire === 1) {
      at += 8;
    } else if (wire === 5) {
      at += 4;
    } else {
      return -1;
    }
  }
  return at === end ? lane : -1;
}

/** Classifies one frame (its whole bytes). */
export function classifyFrame(b: Uint8Array): FrameClass {
  const tag = b[0];
  if (tag === TAG_FRAME_ACK || tag === TAG_FRAME_PING || tag === TAG_FRAME_PONG) return FrameClass.NoControl;
  if (tag !== TAG_FRAME_BATCH) return FrameClass.Barrier;
  const inner = readVarint(b, 1, b.length);
  if (inner < 0 || varintEnd + inner !== b.length) return FrameClass.Barrier;
  let at = varintEnd;
  let control = 0;
  let other = 0;
  while (at < b.length) {
    const field = b[at++];
    if (field !== TAG_BATCH_MESSAGE && field !== TAG_BATCH_ACKS) return FrameClass.Barrier;
    const len = readVarint(b, at, b.length);
    if (len < 0 || len > b.length - varintEnd) return FrameClass.Barrier;
    const start = varintEnd;
    at = start + len;
    if (field === TAG_BATCH_ACKS) continue;
    const lane = laneOf(b, start, at);
    if (lane < 0) return FrameClass.Barrier;
    if (lane === 0) control++;
    else other++;
    if (control && other) return FrameClass.Barrier;
  }
  return control ? FrameClass.ControlOnly : FrameClass.NoControl;
}
