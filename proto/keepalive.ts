/**
 * Ping and Pong frames without the protobuf runtime: on an idle hub they are
 * nearly all the traffic (one exchange per link per interval), and through
 * protobufjs each cost ~2 KB of garbage (Writer, LongBits, Reader, oneof key
 * arrays): 2 MB/s with 10k idle edges, enough that V8 never found the
 * allocation rate low enough to shrink the young generation the connect burst
 * had grown (Heap::ReduceNewSpaceSize: below 1 MB/s). Bytes are identical to
 * protobufjs's (zero fields omitted); a frame this reader does not fully
 * understand returns null and takes the general decoder. Tested against
 * protobufjs in test/keepalive.test.ts.
 */
import type { isthmus } from './gen/hub.js';
import { slabAlloc } from './slab.js';
import { readVarint, varintEnd, varintLength, writeVarint } from './varint.js';
import { TAG_FRAME_PING, TAG_FRAME_PONG } from './wire-tags.js';

type Frame = isthmus.v1.Frame;

const TAG_NONCE = 0x08; // field 1, varint
const TAG_SENT_AT = 0x10; // field 2, varint

/** Frame{ping|pong{nonce, sentAt}}: both non-negative safe integers. */
export function encodeKeepalive(kind: 'ping' | 'pong', nonce: number, sentAt: number): Uint8Array {
  const inner = (nonce ? 1 + varintLength(nonce) : 0) + (sentAt ? 1 + varintLength(sentAt) : 0);
  const out = slabAlloc(2 + inner); // inner <= 20 bytes: its length is one byte
  out[0] = kind === 'ping' ? TAG_FRAME_PING : TAG_FRAME_PONG;
  out[1] = inner;
  let at = 2;
  if (nonce) { out[at++] = TAG_NONCE; at = writeVarint(out, at, nonce); }
  if (sentAt) { out[at++] = TAG_SENT_AT; writeVarint(out, at, sentAt); }
  return out;
}

/** The frame if it is exactly a Ping or Pong with known fields, each at most once; else null. */
export function decodeKeepaliveFast(b: Uint8Array): Frame | null {
  const tag = b[0];
  if ((tag !== TAG_FRAME_PING && tag !== TAG_FRAME_PONG) || b.length < 2) return null;
  const len = b[1]!;
  if (len >= 0x80 || 2 + len !== b.length) return null;
  let nonce = 0;
  let sentAt = 0;
  let seen = 0;
  let at = 2;
  while (at < b.length) {
    const field = b[at++];
    const bit = field === TAG_NONCE ? 1 : field === TAG_SENT_AT ? 2 : 0;
    if (!bit || seen & bit) return null; // unknown, or repeated (the general decoder's last-wins)
    seen |= bit;
    const v = readVarint(b, at, b.length);
    if (v < 0) return null;
    at = varintEnd;
    if (bit === 1) nonce = v;
    else sentAt = v;
  }
  const body = { nonce, sentAt };
  return (tag === TAG_FRAME_PING ? { body: 'ping', ping: body } : { body: 'pong', pong: body }) as unknown as Frame;
}
