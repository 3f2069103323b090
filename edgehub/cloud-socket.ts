/** The edge's WebSocket to the cloud (package ws), as the link's Transport. */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { Duplex } from 'node:stream';
import { CloseCode } from '../proto/index.js';
import { ReceiveQueue, type Traffic, type Transport } from '../link/index.js';
import { writeMaskedBinary } from './ws-direct.js';
import { DirectReceive } from './ws-receive.js';

export class CloudSocket implements Transport {
  readonly id = randomBytes(6).toString('hex');
  /** Called after a write completes, so a blocked link can go on. */
  onWritten: () => void = () => {};
  /** Why this side closed the socket, if it did: a terminate() reports only 1006. */
  localClose: { code: number; reason: string } | null = null;
  private readonly written = (): void => this.onWritten();
  /** Frames read and not yet handled: a control batch may pass queued bulk (link/receive-queue.ts). */
  readonly received = new ReceiveQueue();
  /** The socket under ws, from its 'upgrade' event: tunnel DATA frames are written on it directly (sendOwned). */
  private raw: Duplex | null = null;

  constructor(readonly ws: WebSocket, private readonly traffic?: Traffic) {
    ws.once('upgrade', (res) => { this.raw = res.socket; });
  }

  send(frame: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(frame, { binary: true }, this.written);
    if (this.traffic) this.traffic.bytesOut += frame.length;
  }

  /**
   * A binary message whose memory the caller gives up until `release()`:
   * masked in place and written without a copy (ws-direct.ts). Where that
   * cannot be done, ws's send() copies it and it is released at once.
   */
  sendOwned(frame: Buffer, release: () => void): void {
    const raw = this.raw;
    if (raw === null || raw.destroyed || this.ws.readyState !== WebSocket.OPEN) {
      this.send(frame);
      release();
      return;
    }
    writeMaskedBinary(raw, frame, () => { release(); this.onWritten(); });
    if (this.traffic) this.traffic.bytesOut += frame.length;
  }

  /**
   * Called at ws's 'open': the cloud's binary messages are read off the
   * socket here and handed on as views of the reads (ws-receive.ts); false
   * when that cannot be done, and ws goes on emitting 'message' alone.
   */
  receiveDirect(maxPayload: number, onMessage: (parts: Buffer[], length: number) => void): boolean {
    this.readsDirect = this.raw !== null && DirectReceive.install(this.raw, maxPayload, onMessage) !== null;
    return this.readsDirect;
  }

  /** Whether receiveDirect took the socket's reads (diagnostics, tests). */
  readsDirect = false;

  bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.localClose ??= { code, reason };
    // A silent peer will not answer a close handshake: drop the socket at once.
    if (code === CloseCode.PING_TIMEOUT || code === CloseCode.HANDSHAKE_TIMEOUT || this.ws.readyState !== WebSocket.OPEN) {
      this.ws.terminate();
    } else {
      this.ws.close(code, reason.slice(0, 120));
    }
  }
}
