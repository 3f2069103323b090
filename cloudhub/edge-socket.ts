/** One edge's WebSocket on the cloud side, as the link's Transport. */
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'uWebSockets.js';
import { CloseCode } from '../proto/index.js';
import type { Link } from '../link/index.js';
import type { Transport, Traffic } from '../link/index.js';
import type { StreamPath } from '../tunnel/path.js';
import type { TokenClaims } from './token.js';

export type SocketState = 'hello' | 'open' | 'closed';

/** uWS copies user data objects, so the socket object rides inside one. */
export interface SocketData {
  sock: EdgeSocket;
}

/** The link's Transport and, once open, the tunnel's StreamPath (no adapter object per socket). */
export class EdgeSocket implements Transport, StreamPath {
  readonly id = randomBytes(6).toString('hex');
  ws: WebSocket<SocketData> | null = null;
  state: SocketState = 'hello';
  link: Link | null = null;
  handshakeTimer: NodeJS.Timeout | null = null;
  /** Set when the send path found the socket library refusing a frame. */
  overflowed = false;
  /** A newer connection of the node took over: its close is not the node going offline. */
  replaced = false;
  /** Which of the edge's paths this socket is (Hello.path). */
  pathIndex = 0;

  /** The token this session runs on; a renewal replaces it (session-guard.ts). */
  claims: TokenClaims | null = null;
  /** The close code of the GoAway sent, if one was: the edge then drops the socket itself (1006 here). */
  goAwayCode: number | null = null;

  constructor(readonly node: string, readonly remote: string, private readonly traffic?: Traffic) {}

  send(frame: Uint8Array): void {
    const ws = this.ws;
    if (!ws || this.state === 'closed') return;
    let status = 1;
    ws.cork(() => { status = ws.send(frame, true); });
    if (this.traffic && status !== 2) this.traffic.bytesOut += frame.length;
    // 2 = dropped: maxBackpressure is set far above the link's high-water mark,
    // so this means a bug; close rather than continue with a hole in a lane.
    if (status === 2) {
      this.overflowed = true;
      this.close(CloseCode.INTERNAL, 'send buffer overflow');
    }
  }

  bufferedAmount(): number {
    return this.ws && this.state !== 'closed' ? this.ws.getBufferedAmount() : 0;
  }

  /** This path's RTT, else the link's (StreamPath: window growth). */
  rttMs(): number | null {
    return this.link ? this.link.pathRttMs(this) : null;
  }

  /** StreamPath: tunnel writes caused by a received frame wait for the next turn (see tunnel/path.ts). */
  get deferInReceive(): boolean {
    return true;
  }

  close(code: number, reason: string): void {
    if (!this.ws || this.state === 'closed') return;
    const ws = this.ws;
    this.markClosed();
    ws.end(code, reason.slice(0, 120));
  }

  markClosed(): void {
    this.state = 'closed';
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
  }
}
