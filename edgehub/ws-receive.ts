/**
 * The edge's read side of its WebSocket, for the common message: the cloud's
 * binary messages (final, unmasked, no extension bits) are cut out of the
 * socket's reads here and handed on as views of the read buffers, without
 * joining a message that spans two reads. `ws` joins each such message into
 * fresh memory: with 64 KiB DATA frames and Node's 64 KiB reads that is
 * every frame cloud->edge, a copy of every byte, page faults on the fresh
 * pages and a V8 mark-compact every ~20 MB (ARCHITECTURE.md "Tunnel").
 *
 * Anything else (a close, ping or pong, a text or fragmented message, bits
 * this side does not expect, a message over maxPayload) hands the socket back
 * to `ws` from that frame on, for good: `ws` then reads it exactly as it
 * would have, names any error and runs the close handshake.
 */
import type { Duplex } from 'node:stream';

/** Bytes before a message's payload: 2, + 2 or 8 of extended length (server frames carry no mask). */
function headerLength(second: number): number {
  const len = second & 0x7f;
  return len === 126 ? 4 : len === 127 ? 10 : 2;
}

export class DirectReceive {
  /** Unparsed bytes: the first buffer from `offset`, then the others whole. */
  private chunks: Buffer[] = [];
  private offset = 0;
  private pending = 0;
  private done = false;
  private readonly onData = (chunk: Buffer): void => this.data(chunk);

  /**
   * Takes the socket's 'data' from `ws` (its one listener, `wsListener`).
   * `onMessage` gets a message as the views that hold it, in order.
   */
  constructor(
    private readonly socket: Duplex,
    private readonly wsListener: (chunk: Buffer) => void,
    private readonly maxPayload: number,
    private readonly onMessage: (parts: Buffer[], length: number) => void,
  ) {
    socket.removeListener('data', wsListener);
    socket.on('data', this.onData);
  }

  /** Installs it on a ws client's socket at its 'open', or returns null when `ws` does not read the socket as expected (then `ws` goes on alone). */
  static install(socket: Duplex, maxPayload: number, onMessage: (parts: Buffer[], length: number) => void): DirectReceive | null {
    const listeners = socket.listeners('data');
    if (listeners.length !== 1) return null;
    return new DirectReceive(socket, listeners[0] as (chunk: Buffer) => void, maxPayload, onMessage);
  }

  private data(chunk: Buffer): void {
    if (this.done) return this.wsListener.call(this.socket, chunk);
    this.chunks.push(chunk);
    this.pending += chunk.length;
    for (;;) {
      if (this.pending < 2) return;
      const first = this.byteAt(0);
      const second = this.byteAt(1);
      if (first !== 0x82 || (second & 0x80) !== 0) return this.handBack();
      const head = headerLength(second);
      if (this.pending < head) return;
      let length = second & 0x7f;
      if (head === 4) {
        length = this.byteAt(2) * 256 + this.byteAt(3);
      } else if (head === 10) {
        if (this.byteAt(2) | this.byteAt(3) | this.byteAt(4) | this.byteAt(5)) return this.handBack();
        length = ((this.byteAt(6) << 24) >>> 0) + (this.byteAt(7) << 16) + (this.byteAt(8) << 8) + this.byteAt(9);
      }
      if (length > this.maxPayload) return this.handBack();
      if (this.pending < head + length) return;
      this.skip(head);
      this.onMessage(this.take(length), length);
      if (this.done) return; // the handler closed or handed back meanwhile
    }
  }

  private byteAt(i: number): number {
    let at = this.offset + i;
    for (const c of this.chunks) {
      if (at < c.length) return c[at]!;
      at -= c.length;
    }
    return 0;
  }

  /** Drops the next n bytes (a message's header) without making views of them: once per message. */
  private skip(n: number): void {
    this.pending -= n;
    while (n > 0) {
      const left = this.chunks[0]!.length - this.offset;
      if (n < left) {
        this.offset += n;
        return;
      }
      this.chunks.shift();
      this.offset = 0;
      n -= left;
    }
  }

  /** The next n bytes as views of the read buffers (no copy). */
  private take(n: number): Buffer[] {
    const parts: Buffer[] = [];
    this.pending -= n;
    while (n > 0) {
      const c = this.chunks[0]!;
      const left = c.length - this.offset;
      if (n < left) {
        parts.push(c.subarray(this.offset, this.offset + n));
        this.offset += n;
        return parts;
      }
      parts.push(this.offset === 0 ? c : c.subarray(this.offset));
      this.chunks.shift();
      this.offset = 0;
      n -= left;
    }
    return parts;
  }

  /** From the unparsed bytes on, `ws` reads the socket itself. */
  private handBack(): void {
    this.done = true;
    const rest = this.take(this.pending);
    this.socket.removeListener('data', this.onData);
    this.socket.on('data', this.wsListener);
    const bytes = rest.length === 1 ? rest[0]! : Buffer.concat(rest);
    if (bytes.length) this.wsListener.call(this.socket, bytes);
  }
}
