/**
 * A hand-written encoder for Message, the hot path of every publish: sizes
 * the message once and writes it into a slab view (proto/slab.ts), instead
 * of protobufjs's writer (an op list, then a copy) and an allocation. It
 * writes canonical proto3 (default values omitted); test/codec.test.ts checks
 * that protobufjs decodes it to the same message.
 */
import type { isthmus } from './gen/hub.js';
import { copyBytes, slabAlloc } from './slab.js';
import { utf8Length, writeUtf8 } from './utf8.js';
import { varintLength, writeVarint } from './varint.js';

type Props = isthmus.v1.Message.$Properties;

/** Bytes of a length-delimited field of n bytes (0: absent, as proto3 omits empty values). */
function fieldSize(n: number): number {
  return n ? 1 + varintLength(n) + n : 0;
}

function numberSize(v: number | null | undefined): number {
  return v ? 1 + varintLength(v) : 0;
}

/** Write position during one encode: the field writers below advance it. */
let at = 0;

function stringField(buf: Buffer, field: number, s: string | null | undefined, n: number): void {
  if (!n) return;
  buf[at++] = (field << 3) | 2;
  at = writeVarint(buf, at, n);
  at = writeUtf8(buf, at, s!, n);
}

function numberField(buf: Buffer, field: number, v: number | null | undefined): void {
  if (!v) return;
  buf[at++] = field << 3;
  at = writeVarint(buf, at, v);
}

/**
 * Encodes a message (numbers must be safe non-negative integers: the codec
 * validated them). Straight-line field by field, in field-number order as
 * protobufjs writes them: a loop over field names made every read a keyed
 * (megamorphic) property load, the largest part of this function's time.
 */
export function encodeMessageFast(m: Props): Uint8Array {
  const { id, key, kind, namespace, name, traceId, contentType, payload } = m;
  const nId = id ? utf8Length(id) : 0;
  const nKey = key ? utf8Length(key) : 0;
  const nKind = kind ? utf8Length(kind) : 0;
  const nNamespace = namespace ? utf8Length(namespace) : 0;
  const nName = name ? utf8Length(name) : 0;
  const nTrace = traceId ? utf8Length(traceId) : 0;
  const nType = contentType ? utf8Length(contentType) : 0;
  const nPayload = payload ? payload.length : 0;
  const size = fieldSize(nId) + fieldSize(nKey) + fieldSize(nKind) + fieldSize(nNamespace) + fieldSize(nName)
    + fieldSize(nTrace) + fieldSize(nType) + fieldSize(nPayload)
    + numberSize(m.lane) + numberSize(m.seq) + numberSize(m.op) + numberSize(m.type)
    + numberSize(m.resourceVersion) + numberSize(m.createdAt) + numberSize(m.expiresAt);

  const buf = slabAlloc(size);
  at = 0;
  stringField(buf, 1, id, nId);
  numberField(buf, 2, m.lane);
  numberField(buf, 3, m.seq);
  stringField(buf, 4, key, nKey);
  stringField(buf, 5, kind, nKind);
  numberField(buf, 6, m.op);
  numberField(buf, 7, m.type);
  stringField(buf, 8, namespace, nNamespace);
  stringField(buf, 9, name, nName);
  numberField(buf, 10, m.resourceVersion);
  numberField(buf, 11, m.createdAt);
  numberField(buf, 12, m.expiresAt);
  stringField(buf, 13, traceId, nTrace);
  stringField(buf, 14, contentType, nType);
  if (nPayload) {
    buf[at++] = (15 << 3) | 2;
    at = writeVarint(buf, at, nPayload);
    copyBytes(buf, at, payload!);
  }
  return buf;
}
