/** The edge's WebSocket to the cloud (package ws), as the link's Transport. */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { CloseCode } from '../proto/index.js';
import type { Traffic, Transport } from '../link/index.js';

export class CloudSocket implements Transport {
  readonly id = randomBytes(6).toString('hex');
  /** Called after a write completes, so a blocked link can go on. */
  onWritten: () => void = () => {};
  /** Why this side closed the socket, if it did: a terminate() reports only 1006. */
  localClose: { code: number; reason: string } | null = null;
  private readonly written = (): void => this.onWritten();

  constructor(readonly ws: WebSocket, private readonly traffic?: Traffic) {}

  send(frame: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(frame, { binary: true }, this.written);
    if (this.traffic) this.traffic.bytesOut += frame.length;
  }

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
