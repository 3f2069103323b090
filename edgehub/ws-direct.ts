/**
 * Tunnel DATA frames from the edge written as WebSocket messages by us, onto
 * the ws client's own socket: the payload is masked in place (RFC 6455 §5.3,
 * a fresh random key per message) in the tunnel's read buffer, which goes to
 * the kernel as it is and back to the tunnel once written. ws's send() masks
 * into a fresh copy of each message instead, and that fresh memory, 64 KiB a
 * frame, made V8 run a full mark-compact every ~20 MB moved edge->cloud
 * (`node --trace-gc` on the edge).
 *
 * Safe beside ws's own writes because ws writes each message to the socket
 * within send() (no queue of its own) as long as nothing is compressed
 * (perMessageDeflate is off) and no Blob is sent: messages keep the order of
 * the calls, and ws's bufferedAmount counts the socket's buffer, ours too.
 */
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import { nonZeroMask } from './ws-mask.js';

interface Masker {
  /** XORs `buffer` with the 4-byte `mask` in place (masking and unmasking are the same). */
  unmask(buffer: Uint8Array, mask: Uint8Array): void;
}

/** bufferutil (a dependency, also ws's): native masking; its own JS fallback if the addon does not load. */
const masker = createRequire(import.meta.url)('bufferutil') as Masker;

/** Writes `payload` as one masked binary WebSocket message (FIN, opcode 2), masking it in place; `done` once written. */
export function writeMaskedBinary(socket: Duplex, payload: Buffer, done: (err?: Error | null) => void): void {
  const n = payload.length;
  const lengthBytes = n < 126 ? 0 : n < 65_536 ? 2 : 8;
  const head = Buffer.allocUnsafe(2 + lengthBytes + 4);
  head[0] = 0x82;
  if (lengthBytes === 0) {
    head[1] = 0x80 | n;
  } else if (lengthBytes === 2) {
    head[1] = 0x80 | 126;
    head.writeUInt16BE(n, 2);
  } else {
    head[1] = 0x80 | 127;
    head.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
    head.writeUInt32BE(n >>> 0, 6);
  }
  const mask = head.subarray(2 + lengthBytes);
  nonZeroMask(mask);
  masker.unmask(payload, mask);
  socket.cork();
  socket.write(head);
  socket.write(payload, done);
  socket.uncork();
}
