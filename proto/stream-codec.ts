/**
 * Tunnel stream frames (Frame fields 16 to 31): which bodies they are, their
 * validation, and a hand-rolled encoder for StreamData, the hot path (one copy
 * of the payload into the frame, no protobuf writer).
 */
import type { isthmus } from './gen/hub.js';
import { ProtocolError } from './codec.js';
import { readVarint, varintEnd, varintLength, writeVarint } from './varint.js';

export type StreamBody = 'streamOpen' | 'streamOk' | 'streamFail' | 'streamData' | 'streamWindow' | 'streamFin' | 'streamReset' | 'streamExit' | 'streamResize';

const STREAM_BODIES: ReadonlySet<string> = new Set<StreamBody>([
  'streamOpen', 'streamOk', 'streamFail', 'streamData', 'streamWindow', 'streamFin', 'streamReset', 'streamExit', 'streamResize',
]);

/** Channels a StreamData may carry: 0 the main bytes of either direction, 2 stderr (edge to cloud). */
export const STREAM_CHANNELS: ReadonlySet<number> = new Set([0, 2]);
export const MAX_STREAM_KIND_LENGTH = 64;
export const MAX_STREAM_PARAMS_BYTES = 64 * 1024;
export const MAX_STREAM_MESSAGE_LENGTH = 1024;

export function isStreamBody(body: string | undefined): body is StreamBody {
  return body !== undefined && STREAM_BODIES.has(body);
}

function checkId(id: unknown, field: string): void {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) throw new ProtocolError(`${field}.id must be at least 1`);
}

function checkText(v: unknown, field: string, max: number): void {
  if (v != null && (typeof v !== 'string' || v.length > max)) throw new ProtocolError(`${field} is longer than ${max}`);
}

/** Validates a decoded stream frame's fields (called by decodeFrame). */
export function validateStreamFrame(frame: isthmus.v1.Frame): void {
  switch (frame.body) {
    case 'streamOpen': {
      const o = frame.streamOpen!;
      checkId(o.id, 'stream_open');
      if (!o.kind || o.kind.length > MAX_STREAM_KIND_LENGTH) throw new ProtocolError(`stream_open.kind must be 1 to ${MAX_STREAM_KIND_LENGTH} characters`);
      if (o.params && o.params.length > MAX_STREAM_PARAMS_BYTES) throw new ProtocolError(`stream_open.params of ${o.params.length} bytes exceeds ${MAX_STREAM_PARAMS_BYTES}`);
      break;
    }
    case 'streamOk': checkId(frame.streamOk!.id, 'stream_ok'); break;
    case 'streamFail': checkId(frame.streamFail!.id, 'stream_fail'); checkText(frame.streamFail!.message, 'stream_fail.message', MAX_STREAM_MESSAGE_LENGTH); break;
    case 'streamData': {
      const d = frame.streamData!;
      checkId(d.id, 'stream_data');
      if (!STREAM_CHANNELS.has(d.channel ?? 0)) throw new ProtocolError(`stream_data.channel ${String(d.channel)} is not 0 or 2`);
      break;
    }
    case 'streamWindow': {
      const w = frame.streamWindow!;
      checkId(w.id, 'stream_window');
      if (!w.increment) throw new ProtocolError('stream_window.increment must be at least 1');
      break;
    }
    case 'streamFin': checkId(frame.streamFin!.id, 'stream_fin'); break;
    case 'streamReset': checkId(frame.streamReset!.id, 'stream_reset'); checkText(frame.streamReset!.message, 'stream_reset.message', MAX_STREAM_MESSAGE_LENGTH); break;
    case 'streamExit': {
      const e = frame.streamExit!;
      checkId(e.id, 'stream_exit');
      checkText(e.signal, 'stream_exit.signal', 32);
      checkText(e.message, 'stream_exit.message', MAX_STREAM_MESSAGE_LENGTH);
      break;
    }
    case 'streamResize': {
      const r = frame.streamResize!;
      checkId(r.id, 'stream_resize');
      if (!(r.cols! > 0 && r.cols! <= 10_000 && r.rows! > 0 && r.rows! <= 10_000)) throw new ProtocolError('stream_resize.cols and .rows must be 1 to 10000');
      break;
    }
    default: throw new ProtocolError(`${String(frame.body)} is not a stream frame`);
  }
}

/**
 * Frame{stream_data{id, channel, data}} where data is the concatenation of
 * `parts` (`length` bytes in all), byte-identical to
 * encodeFrame({ streamData: { id, channel, data } }): tag 19 is `9a 01`.
 * `alloc` gives the frame's memory (the tunnel passes a reused buffer when
 * the socket copies a frame before send() returns).
 */
export function encodeStreamData(id: number, channel: number, parts: readonly Uint8Array[], length: number, alloc: (size: number) => Buffer = Buffer.allocUnsafe): Uint8Array {
  let inner = 1 + varintLength(id) + (length ? 1 + varintLength(length) + length : 0);
  if (channel) inner += 1 + varintLength(channel);
  const out = alloc(2 + varintLength(inner) + inner);
  let at = 0;
  out[at++] = 0x9a;
  out[at++] = 0x01;
  at = writeVarint(out, at, inner);
  out[at++] = 0x08; // id
  at = writeVarint(out, at, id);
  if (channel) {
    out[at++] = 0x10; // channel
    at = writeVarint(out, at, channel);
  }
  if (length) {
    out[at++] = 0x1a; // data
    at = writeVarint(out, at, length);
    for (const p of parts) { out.set(p, at); at += p.length; }
  }
  return out;
}

/**
 * The hot path of decoding: a frame that is exactly Frame{stream_data{...}}
 * as encodeStreamData writes it (fields 1, 2, 3 in order, nothing else) is
 * read without the protobuf runtime, its data a view of `bytes`. Returns null
 * for anything else, which then takes the general decoder (and its checks).
 */
export function decodeStreamDataFast(bytes: Uint8Array): { id: number; channel: number; data: Uint8Array } | null {
  const head = decodeStreamDataHead(bytes, bytes.length);
  return head && { id: head.id, channel: head.channel, data: bytes.subarray(head.at) };
}

/**
 * The header of such a frame from its first bytes `first` when the frame is
 * `total` bytes long in all (the rest may be in other buffers): the id, the
 * channel and where the data starts in `first`. Null unless the header lies
 * wholly in `first` and the frame is exactly a fast-path StreamData frame.
 */
export function decodeStreamDataHead(first: Uint8Array, total: number): { id: number; channel: number; at: number } | null {
  const seen = Math.min(first.length, total);
  if (seen < 5 || first[0] !== 0x9a || first[1] !== 0x01) return null;
  const len = readVarint(first, 2, seen);
  if (len < 0 || varintEnd + len !== total) return null;
  let at = varintEnd;
  if (at >= seen || first[at++] !== 0x08) return null;
  const id = readVarint(first, at, seen);
  if (id < 1) return null;
  at = varintEnd;
  let channel = 0;
  if (at < seen && first[at] === 0x10) {
    channel = readVarint(first, at + 1, seen);
    if (channel < 0) return null;
    at = varintEnd;
  }
  if (at < total) {
    if (at >= seen || first[at++] !== 0x1a) return null;
    const dl = readVarint(first, at, seen);
    if (dl < 0 || varintEnd + dl !== total) return null;
    at = varintEnd;
  } else if (at > total) {
    return null;
  }
  if (!STREAM_CHANNELS.has(channel)) return null; // the general path names the error
  return { id, channel, at };
}
