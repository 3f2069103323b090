/**
 * Hand-built encoders for the tunnel's frequent frames (StreamOpen, Ok,
 * Window, Fin, Reset) and StreamData framed in place. The protobuf runtime's
 * writer costs a few allocations and calls per frame; on an idle hub, where
 * a cold CPU runs each instruction several times slower, that is a visible
 * part of opening a stream (bench/tunnel). The bytes are canonical proto3
 * (fields in order, defaults left out): test/tunnel-frames.test.ts checks
 * them against encodeFrame and decodeFrame.
 */
import { varintLength, writeVarint } from '../proto/varint.js';

// Frame fields 16 to 22, length-delimited: two-byte tags.
const TAG_OPEN = [0x82, 0x01];
const TAG_OK = [0x8a, 0x01];
const TAG_WINDOW = [0xa2, 0x01];
const TAG_FIN = [0xaa, 0x01];
const TAG_RESET = [0xb2, 0x01];
const TAG_DATA = [0x9a, 0x01];

function fieldSize(n: number): number {
  return n ? 1 + varintLength(n) : 0;
}

/** A Frame holding one message of `inner` bytes under a two-byte tag; returns the buffer and where the message starts. */
function frameOf(tag: readonly number[], inner: number): [Buffer, number] {
  const out = Buffer.allocUnsafe(2 + varintLength(inner) + inner);
  out[0] = tag[0]!;
  out[1] = tag[1]!;
  return [out, writeVarint(out, 2, inner)];
}

function putUint(out: Buffer, at: number, key: number, n: number): number {
  if (!n) return at;
  out[at++] = key;
  return writeVarint(out, at, n);
}

/** Frame{stream_ok{id}}, Frame{stream_fin{id}}. */
function idOnly(tag: readonly number[], id: number): Uint8Array {
  const [out, at] = frameOf(tag, fieldSize(id));
  putUint(out, at, 0x08, id);
  return out;
}

export function encodeStreamOk(id: number): Uint8Array {
  return idOnly(TAG_OK, id);
}

export function encodeStreamFin(id: number): Uint8Array {
  return idOnly(TAG_FIN, id);
}

export function encodeStreamWindow(id: number, increment: number): Uint8Array {
  const [out, at] = frameOf(TAG_WINDOW, fieldSize(id) + fieldSize(increment));
  putUint(out, putUint(out, at, 0x08, id), 0x10, increment);
  return out;
}

/** Frame{stream_open{id, kind, params}}; kind is ASCII or UTF-8, params the JSON bytes. */
export function encodeStreamOpen(id: number, kind: string, params: Uint8Array): Uint8Array {
  const kindBytes = Buffer.byteLength(kind, 'utf8');
  const inner = fieldSize(id) + (kindBytes ? 1 + varintLength(kindBytes) + kindBytes : 0) + (params.length ? 1 + varintLength(params.length) + params.length : 0);
  const [out, start] = frameOf(TAG_OPEN, inner);
  let at = putUint(out, start, 0x08, id);
  if (kindBytes) {
    out[at++] = 0x12;
    at = writeVarint(out, at, kindBytes);
    at += out.write(kind, at, 'utf8');
  }
  if (params.length) {
    out[at++] = 0x1a;
    at = writeVarint(out, at, params.length);
    out.set(params, at);
  }
  return out;
}

export function encodeStreamReset(id: number, code: number, message: string): Uint8Array {
  const bytes = Buffer.byteLength(message, 'utf8');
  const [out, start] = frameOf(TAG_RESET, fieldSize(id) + fieldSize(code) + (bytes ? 1 + varintLength(bytes) + bytes : 0));
  let at = putUint(out, putUint(out, start, 0x08, id), 0x10, code);
  if (bytes) {
    out[at++] = 0x1a;
    at = writeVarint(out, at, bytes);
    out.write(message, at, 'utf8');
  }
  return out;
}

/**
 * Bytes reserved in front of a read buffer (headroomBuffer) for the largest
 * StreamData header: tag 2, frame length 5, id 1 + 5, data length 1 + 5.
 * Channel 0 only: other channels take the copying encoder.
 */
export const DATA_HEADROOM = 19;

/** Buffers whose DATA_HEADROOM bytes in front are ours to overwrite. */
const roomy = new WeakSet<Uint8Array>();

/**
 * Read buffers whose frame a copying socket took (recycleHeadroom), by size,
 * for the next reads. Fresh memory per 64 KiB read made V8 run a full
 * mark-compact every ~20 MB moved (ArrayBuffer memory counts as external
 * memory pressure; `node --trace-gc` on the edge: 87 per GB edge->cloud).
 * Bounded, so a burst leaves at most SPARE_MAX_BYTES behind in the process.
 */
const spare = new Map<number, ArrayBuffer[]>();
const SPARE_MAX_BYTES = 512 * 1024;
let spareBytes = 0;

/**
 * A buffer of `size` bytes with DATA_HEADROOM free bytes in front of it in
 * the same memory, for a reader that fills it (a socket's onread): a stream
 * then frames a whole chunk of it without copying the payload.
 */
export function headroomBuffer(size: number): Buffer {
  const ab = spare.get(size)?.pop();
  let b: Buffer;
  if (ab) {
    spareBytes -= ab.byteLength;
    b = Buffer.from(ab, DATA_HEADROOM, size);
  } else {
    b = Buffer.allocUnsafeSlow(DATA_HEADROOM + size).subarray(DATA_HEADROOM);
  }
  roomy.add(b);
  return b;
}

/**
 * `chunk`'s frame was framed in place and copied out by the socket library
 * (StreamPath.sendCopies): nothing refers to its memory any more, so the next
 * headroomBuffer of its size may reuse it. Other buffers are left alone.
 */
export function recycleHeadroom(chunk: Buffer): void {
  if (!roomy.has(chunk) || chunk.byteOffset !== DATA_HEADROOM) return;
  const ab = chunk.buffer as ArrayBuffer;
  if (spareBytes + ab.byteLength > SPARE_MAX_BYTES) return;
  roomy.delete(chunk);
  const size = ab.byteLength - DATA_HEADROOM;
  let list = spare.get(size);
  if (!list) spare.set(size, (list = []));
  list.push(ab);
  spareBytes += ab.byteLength;
}

/**
 * One buffer for the whole process that DATA frames are encoded into when the
 * path's send() copies the frame before it returns (StreamPath.sendCopies):
 * the frame is handed over at once (TunnelSession.flush), so one suffices.
 * Like the read buffers above, it spares V8 the external memory pressure of a
 * fresh 64 KiB frame each time (cloud->edge: 29 mark-compacts per GB before).
 */
let scratch = Buffer.allocUnsafeSlow(0);

export function scratchFrame(size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, 64 * 1024 + 64));
  return scratch.subarray(0, size);
}

/**
 * Frame{stream_data{id, channel 0, data: chunk}} written into the headroom in
 * front of `chunk` (which must come from headroomBuffer, possibly cut shorter
 * at its end): the frame is a view over the header and the chunk, byte-identical
 * to encodeStreamData. Returns null when `chunk` has no headroom of ours.
 */
export function frameInPlace(id: number, chunk: Buffer): Uint8Array | null {
  if (!roomy.has(chunk) || chunk.length === 0) return null;
  const inner = 1 + varintLength(id) + 1 + varintLength(chunk.length) + chunk.length;
  const header = 2 + varintLength(inner) + (inner - chunk.length);
  const start = chunk.byteOffset - header;
  const out = Buffer.from(chunk.buffer, start, header + chunk.length);
  out[0] = TAG_DATA[0]!;
  out[1] = TAG_DATA[1]!;
  let at = writeVarint(out, 2, inner);
  out[at++] = 0x08;
  at = writeVarint(out, at, id);
  out[at++] = 0x1a;
  writeVarint(out, at, chunk.length);
  return out;
}

/** A view of the first n bytes of a headroom buffer that keeps its headroom. */
export function headroomPrefix(chunk: Buffer, n: number): Buffer {
  const b = chunk.subarray(0, n);
  if (roomy.has(chunk)) roomy.add(b);
  return b;
}
