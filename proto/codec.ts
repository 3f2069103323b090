/**
 * The codec: the only code that turns frames into bytes and back. Decoding
 * validates everything a peer could get wrong and throws ProtocolError, which
 * the hubs turn into a close with PROTOCOL_ERROR on that one connection.
 */
import './numbers.js';
import { isthmus } from './gen/hub.js';
import { CloseCode, PROTOCOL_VERSION } from './codes.js';
import { encodeMessageFast } from './message-encoder.js';
import { decodeBatchFast } from './batch-decoder.js';
import { decodeKeepaliveFast } from './keepalive.js';
import { copyBytes, slabAlloc } from './slab.js';
import { cursorFieldsLength, writeCursorFields } from './cursor-encoder.js';
import { TAG_BATCH_ACKS, TAG_BATCH_MESSAGE, TAG_FRAME_BATCH } from './wire-tags.js';
import type { WireLimits } from './limits.js';
import { decodeStreamDataFast, isStreamBody, validateStreamFrame } from './stream-codec.js';
import { varintLength, writeVarint } from './varint.js';

export const pb = isthmus.v1;
export type Frame = isthmus.v1.Frame;
export type FrameProps = isthmus.v1.Frame.$Properties;
export type WireMessage = isthmus.v1.Message;
export type WireMessageProps = isthmus.v1.Message.$Properties;
export type WireCursor = isthmus.v1.Cursor.$Properties;
export type Hello = isthmus.v1.Hello;
export type Welcome = isthmus.v1.Welcome;

/** A peer broke the protocol. `code` is the close code to use. */
export class ProtocolError extends Error {
  readonly code: number;
  constructor(message: string, code: number = CloseCode.PROTOCOL_ERROR) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
  }
}

const LANES = 4;
const TYPES = 3;
const OPS = 5;
const MAX_EPOCH_LENGTH = 64;
const MAX_CURSORS = 64;
const MAX_CONTENT_TYPE_LENGTH = 128;
const MAX_REASON_LENGTH = 1024;

export function encodeFrame(frame: FrameProps): Uint8Array {
  return pb.Frame.encode(frame).finish();
}

/** Encodes one message once, at publish time; batches are built from these bytes. */
export const encodeMessage = encodeMessageFast;


/**
 * A Batch frame from messages already encoded by encodeMessage, and the acks
 * riding along: one copy of each message into the frame, no re-encoding.
 * Byte-identical to encodeFrame({ batch: { messages, acks } }).
 */
export function encodeBatchFrame(messages: readonly Uint8Array[], acks?: readonly WireCursor[]): Uint8Array {
  let inner = acks ? cursorFieldsLength(acks) : 0;
  for (const m of messages) inner += 1 + varintLength(m.length) + m.length;
  const out = slabAlloc(1 + varintLength(inner) + inner);
  let at = 0;
  out[at++] = TAG_FRAME_BATCH;
  at = writeVarint(out, at, inner);
  for (const m of messages) {
    out[at++] = TAG_BATCH_MESSAGE;
    at = writeVarint(out, at, m.length);
    copyBytes(out, at, m);
    at += m.length;
  }
  if (acks) writeCursorFields(out, at, TAG_BATCH_ACKS, acks);
  return out;
}

/** The Ack frame. */
export { encodeAckFrame } from './cursor-encoder.js';
export { encodeKeepalive } from './keepalive.js';

/** Size a message adds to a batch frame, for packing frames under the limit. */
export function batchEntrySize(encodedLength: number): number {
  return 1 + varintLength(encodedLength) + encodedLength;
}

/** A node token is at most 2048 characters (cloudhub/token.ts). */
const MAX_TOKEN_FRAME_LENGTH = 2048;

/** Decodes and validates one frame. Throws ProtocolError naming what is wrong. */
export function decodeFrame(bytes: Uint8Array, limits: WireLimits): Frame {
  if (bytes.length > limits.maxFrameBytes) {
    throw new ProtocolError(`frame of ${bytes.length} bytes exceeds max_frame_bytes ${limits.maxFrameBytes}`, CloseCode.TOO_LARGE);
  }
  const data = decodeStreamDataFast(bytes);
  if (data) return { body: 'streamData', streamData: data } as unknown as Frame;
  let frame = decodeKeepaliveFast(bytes) ?? decodeBatchFast(bytes);
  if (!frame) {
    try {
      frame = pb.Frame.decode(bytes);
    } catch (err) {
      throw new ProtocolError(`undecodable frame: ${(err as Error).message}`);
    }
  }
  switch (frame.body) {
    case 'batch': validateBatch(frame.batch!, limits); break;
    case 'ack': validateCursors(frame.ack!.cursors, 'ack.cursors'); validateCursors(frame.ack!.received, 'ack.received'); break;
    case 'hello': validateHello(frame.hello as Hello, limits); break;
    case 'welcome': validateWelcome(frame.welcome as Welcome, limits); break;
    case 'ping': checkUint(frame.ping!.nonce, 'ping.nonce'); checkUint(frame.ping!.sentAt, 'ping.sent_at'); break;
    case 'pong': checkUint(frame.pong!.nonce, 'pong.nonce'); checkUint(frame.pong!.sentAt, 'pong.sent_at'); break;
    case 'goAway': checkString(frame.goAway!.reason, 'go_away.reason', MAX_REASON_LENGTH); checkString(frame.goAway!.redirect, 'go_away.redirect', MAX_REASON_LENGTH); break;
    case 'renewToken': checkString(frame.renewToken!.token, 'renew_token.token', MAX_TOKEN_FRAME_LENGTH); break;
    case 'tokenRenewed': checkUint(frame.tokenRenewed!.expiresAtMs, 'token_renewed.expires_at_ms'); checkString(frame.tokenRenewed!.error, 'token_renewed.error', MAX_REASON_LENGTH); break;
    default:
      if (isStreamBody(frame.body)) { validateStreamFrame(frame); break; }
      throw new ProtocolError('frame has no body');
  }
  return frame;
}

function checkUint(v: unknown, field: string): void {
  if (!isUint(v)) throw new ProtocolError(`${field} is not an unsigned integer below 2^53`);
}

function checkString(v: unknown, field: string, max: number): void {
  if (!fits(v, max)) throw new ProtocolError(`${field} is longer than ${max}`);
}

function checkEnum(v: unknown, field: string, count: number): void {
  if (!isIndex(v, count)) throw new ProtocolError(`${field} has unknown value ${String(v)}`);
}

function validateCursors(cursors: readonly WireCursor[] | null | undefined, field: string): void {
  if (!cursors) return;
  if (cursors.length > MAX_CURSORS) throw new ProtocolError(`${field} has ${cursors.length} entries, more than ${MAX_CURSORS}`);
  for (const c of cursors) {
    checkString(c.epoch, `${field}.epoch`, MAX_EPOCH_LENGTH);
    checkEnum(c.lane ?? 0, `${field}.lane`, LANES);
    checkUint(c.seq ?? 0, `${field}.seq`);
  }
}

/** The most sockets one edge may hold to the cloud (multipath); a hub may allow fewer. */
export const MAX_PATHS = 16;

function validateEpoch(epoch: string, field: string): void {
  if (!epoch || epoch.length > MAX_EPOCH_LENGTH) throw new ProtocolError(`${field} must be 1 to ${MAX_EPOCH_LENGTH} characters`);
}

function validateHello(h: Hello, limits: WireLimits): void {
  if (h.version !== PROTOCOL_VERSION) throw new ProtocolError(`hello.version ${h.version} is not supported (this hub speaks ${PROTOCOL_VERSION})`);
  if (!h.node || h.node.length > limits.maxKindLength) throw new ProtocolError('hello.node is empty or too long');
  validateEpoch(h.epoch, 'hello.epoch');
  validateCursors(h.received, 'hello.received');
  checkString(h.instance, 'hello.instance', MAX_EPOCH_LENGTH);
  if (h.path >= MAX_PATHS) throw new ProtocolError(`hello.path ${h.path} is beyond the protocol's ${MAX_PATHS} paths`);
}

function validateWelcome(w: Welcome, limits: WireLimits): void {
  if (w.version !== PROTOCOL_VERSION) throw new ProtocolError(`welcome.version ${w.version} is not supported (this edge speaks ${PROTOCOL_VERSION})`);
  validateEpoch(w.epoch, 'welcome.epoch');
  checkString(w.session, 'welcome.session', limits.maxIdLength);
  validateCursors(w.received, 'welcome.received');
  if (w.pingIntervalMs < 100 || w.pingIntervalMs > 600_000) throw new ProtocolError(`welcome.ping_interval_ms ${w.pingIntervalMs} is outside 100..600000`);
}

function validateBatch(b: isthmus.v1.Batch.$Properties, limits: WireLimits): void {
  const msgs = b.messages ?? [];
  if (msgs.length === 0) throw new ProtocolError('batch is empty');
  validateCursors(b.acks, 'batch.acks');
  if (msgs.length > limits.maxBatchMessages) throw new ProtocolError(`batch has ${msgs.length} messages, more than ${limits.maxBatchMessages}`);
  for (const m of msgs) validateMessage(m, limits);
}

/** Checks one message against the limits; used on receipt and on publish. */
export function validateMessage(m: WireMessageProps, limits: WireLimits, what = 'message'): void {
  // Plain comparisons first; a field's name is put together only for the error (this runs per message).
  const lane = m.lane ?? 0;
  const type = m.type ?? 0;
  const op = m.op ?? 0;
  if (!isIndex(lane, LANES)) checkEnum(lane, `${what}.lane`, LANES);
  if (!isIndex(type, TYPES)) checkEnum(type, `${what}.type`, TYPES);
  if (!isIndex(op, OPS)) checkEnum(op, `${what}.op`, OPS);
  const seq = m.seq ?? 0;
  if (!isUint(seq)) checkUint(seq, `${what}.seq`);
  if (!seq) throw new ProtocolError(`${what}.seq must be at least 1`);
  if (!fits(m.id, limits.maxIdLength)) checkString(m.id, `${what}.id`, limits.maxIdLength);
  if (!fits(m.traceId, limits.maxIdLength)) checkString(m.traceId, `${what}.trace_id`, limits.maxIdLength);
  if (!fits(m.key, limits.maxKeyLength)) checkString(m.key, `${what}.key`, limits.maxKeyLength);
  if (!fits(m.kind, limits.maxKindLength)) checkString(m.kind, `${what}.kind`, limits.maxKindLength);
  if (!fits(m.namespace, limits.maxKindLength)) checkString(m.namespace, `${what}.namespace`, limits.maxKindLength);
  if (!fits(m.name, limits.maxKindLength)) checkString(m.name, `${what}.name`, limits.maxKindLength);
  if (!fits(m.contentType, MAX_CONTENT_TYPE_LENGTH)) checkString(m.contentType, `${what}.content_type`, MAX_CONTENT_TYPE_LENGTH);
  const rv = m.resourceVersion ?? 0;
  const created = m.createdAt ?? 0;
  const expires = m.expiresAt ?? 0;
  if (!isUint(rv)) checkUint(rv, `${what}.resource_version`);
  if (!isUint(created)) checkUint(created, `${what}.created_at`);
  if (!isUint(expires)) checkUint(expires, `${what}.expires_at`);
  if (m.payload && m.payload.length > limits.maxPayloadBytes) {
    throw new ProtocolError(`${what}.payload of ${m.payload.length} bytes exceeds ${limits.maxPayloadBytes}`);
  }
}

function isIndex(v: unknown, count: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < count;
}

function isUint(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function fits(v: unknown, max: number): boolean {
  return v == null || (typeof v === 'string' && v.length <= max);
}
