/**
 * One path from the edge to the cloud: a WebSocket kept up for as long as
 * the edge hub runs, with its own backoff, handshake and retry-after. The
 * edge hub holds one uplink per path (multipath); they share one link,
 * which writes control on all of them and every other lane on the best.
 */
import WebSocket from 'ws';
import type { Logger } from 'pino';
import {
  CloseCode, closeCodeName, decodeFrame, encodeFrame, ProtocolError, PROTOCOL_VERSION, type Frame, type Welcome,
} from '../proto/index.js';
import { Backoff, type Link, type Traffic, type Transport } from '../link/index.js';
import { linkUrl, type EdgeHubConfig } from './config.js';
import { CloudSocket } from './cloud-socket.js';
import { nonZeroMask } from './ws-mask.js';
import { decodeStreamDataHead, isStreamBody } from '../proto/stream-codec.js';
import type { EdgeTunnel } from '../tunnel/edge-tunnel.js';
import { describeConnectError } from './edge-security.js';

export interface UplinkEvents {
  up(uplink: Uplink, session: string, sock: Transport): void;
  down(uplink: Uplink, info: { code: number; reason: string; retryInMs: number; wasOnline: boolean }): void;
  /** A frame after the Welcome that is not the link's (token renewal answers); true if taken. */
  frame(frame: Frame, uplink: Uplink): boolean;
}

export class Uplink {
  private readonly backoff: Backoff;
  private readonly log: Logger;
  private socket: CloudSocket | null = null;
  session: string | null = null;
  private handshakeTimer: NodeJS.Timeout | null = null;
  private stableTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** What the cloud asked for in its last GoAway or HTTP 503. */
  private retryAfterMs = 0;
  private stopped = false;

  constructor(
    readonly index: number,
    /** The cloud URL this path dials; a GoAway redirect changes it. */
    public url: string,
    private readonly localAddress: string | undefined,
    /** Names this edge process to the cloud: a new one replaces all the node's old sockets. */
    private readonly instance: string,
    private readonly config: EdgeHubConfig,
    private readonly link: Link,
    log: Logger,
    /** The node token to present at the next connect (it may be renewed meanwhile). */
    private readonly token: () => string,
    /** Bytes in and out, summed over the paths (metrics). */
    private readonly traffic: Traffic,
    private readonly events: UplinkEvents,
    /** Stream frames of this socket go to the tunnel (a session per socket). */
    private readonly tunnel: EdgeTunnel | null = null,
  ) {
    this.backoff = new Backoff(config.backoff);
    this.log = config.paths > 1 ? log.child({ path: index }) : log;
  }

  get online(): boolean {
    return this.session !== null;
  }

  get attempts(): number {
    return this.backoff.attempts;
  }

  /** The open socket, once welcomed. */
  get transport(): Transport | null {
    return this.session !== null ? this.socket : null;
  }

  start(): void {
    this.connect();
  }

  /** Closes the socket (if any) and stops reconnecting. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    const sock = this.socket;
    if (!sock || sock.ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      sock.ws.once('close', () => resolve());
      sock.close(CloseCode.NORMAL, 'edge hub closing');
      setTimeout(() => { sock.ws.terminate(); resolve(); }, 2_000).unref();
    });
  }

  private clearTimers(): void {
    for (const t of [this.handshakeTimer, this.stableTimer, this.retryTimer]) if (t) clearTimeout(t);
    this.handshakeTimer = this.stableTimer = this.retryTimer = null;
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.stopped) return;
    const ws = new WebSocket(this.url, {
      headers: { authorization: `Bearer ${this.token()}`, 'x-isthmus-node': this.config.node },
      ...(this.config.security.ca ? { ca: this.config.security.ca } : {}),
      maxPayload: this.config.link.limits.maxFrameBytes,
      perMessageDeflate: false,
      generateMask: nonZeroMask, // ws then always masks into a copy: the tunnel reuses its frame buffers (sendCopies)
      handshakeTimeout: this.config.link.handshakeTimeoutMs,
      localAddress: this.localAddress,
    });
    const sock = new CloudSocket(ws, this.traffic);
    sock.onWritten = () => {
      if (ws.bufferedAmount < this.config.link.highWaterBytes) this.link.writable();
      this.tunnel?.writable(sock.id);
    };
    this.socket = sock;
    let refusal = '';
    ws.on('unexpected-response', (req, res) => {
      const ms = Number(res.headers['x-isthmus-retry-after-ms'] ?? Number(res.headers['retry-after'] ?? 0) * 1000);
      if (ms > 0) this.retryAfterMs = ms;
      refusal = `HTTP ${res.statusCode}`;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { if (body.length < 512) body += d; });
      // terminate() while CONNECTING aborts the handshake and emits 'close', which schedules the retry.
      res.on('end', () => { refusal = `HTTP ${res.statusCode}: ${body.trim().slice(0, 200)}`; ws.terminate(); });
      res.on('error', () => ws.terminate());
      void req;
    });
    ws.on('open', () => {
      sock.receiveDirect(this.config.link.limits.maxFrameBytes, (parts, length) => this.receivedParts(sock, parts, length));
      sock.send(encodeFrame({
        hello: {
          version: PROTOCOL_VERSION, node: this.config.node, epoch: this.link.epoch,
          received: this.link.receivedCursors(), maxFrameBytes: this.config.link.limits.maxFrameBytes,
          path: this.index, instance: this.instance,
        },
      }));
      this.handshakeTimer = setTimeout(() => {
        this.log.warn({ url: this.url }, 'no welcome within the handshake deadline');
        sock.close(CloseCode.HANDSHAKE_TIMEOUT, 'no welcome');
      }, this.config.link.handshakeTimeoutMs);
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (sock.received.takesNow(data[0], data.length)) this.received(sock, data, isBinary);
      else sock.received.push(data, () => this.received(sock, data, isBinary));
    });
    ws.on('error', (err) => {
      if (refusal) return;
      const d = describeConnectError(err, this.config.security);
      refusal = d.message;
      if (d.tls) this.log.warn({ url: this.url, err: d.message }, 'cannot connect: TLS');
    });
    ws.on('close', (code, reason) => {
      const local = sock.localClose;
      this.disconnected(sock, local?.code ?? code, local?.reason ?? (reason.toString() || refusal));
    });
  }

  /**
   * A binary message as the read buffers that hold it (ws-receive.ts). A
   * StreamData frame spread over several goes to the tunnel piece by piece
   * (as that many frames of the same stream would: credit is per byte), so
   * it is never joined; any other frame is joined and read as usual.
   */
  private receivedParts(sock: CloudSocket, parts: Buffer[], length: number): void {
    if (!sock.received.takesNow(parts[0]?.[0], length)) return this.queueParts(sock, parts, length);
    this.handleParts(sock, parts, length);
  }

  private handleParts(sock: CloudSocket, parts: Buffer[], length: number): void {
    if (parts.length <= 1) return this.received(sock, parts[0] ?? Buffer.alloc(0), true); // empty: decodeFrame names the error
    const head = this.session !== null && this.tunnel && length <= this.config.link.limits.maxFrameBytes ? decodeStreamDataHead(parts[0]!, length) : null;
    if (head === null) return this.received(sock, Buffer.concat(parts, length), true);
    if (this.socket !== sock || sock.ws.readyState !== WebSocket.OPEN) return;
    this.traffic.bytesIn += length;
    try {
      for (let i = 0; i < parts.length; i++) {
        const data = i === 0 ? parts[0]!.subarray(head.at) : parts[i]!;
        if (data.length) this.tunnel!.receive({ body: 'streamData', streamData: { id: head.id, channel: head.channel, data } } as unknown as Frame, sock.id);
        if (this.socket !== sock) return;
      }
    } catch (err) {
      this.failed(sock, err);
    }
  }

  /**
   * A frame that completed while earlier ones wait (receive-queue.ts): it is
   * handled in its turn. Whole frames are classified (a control batch may
   * pass bulk); one spread over several reads is joined for that, unless it
   * is tunnel data, which never passes anything and stays unjoined.
   */
  private queueParts(sock: CloudSocket, parts: Buffer[], length: number): void {
    if (parts.length <= 1) {
      const data = parts[0] ?? Buffer.alloc(0); // an empty message: decodeFrame names the error in its turn
      return sock.received.push(data, () => this.received(sock, data, true));
    }
    if (decodeStreamDataHead(parts[0]!, length) !== null) return sock.received.pushBarrier(() => this.handleParts(sock, parts, length));
    const data = Buffer.concat(parts, length);
    sock.received.push(data, () => this.received(sock, data, true));
  }

  private received(sock: CloudSocket, data: Buffer, isBinary: boolean): void {
    if (this.socket !== sock || sock.ws.readyState !== WebSocket.OPEN) return;
    this.traffic.bytesIn += data.length;
    try {
      if (!isBinary) throw new ProtocolError('text frame: the protocol is binary protobuf');
      const frame = decodeFrame(data, this.config.link.limits);
      if (frame.body === 'goAway') {
        const g = frame.goAway!;
        this.retryAfterMs = g.retryAfterMs ?? 0;
        if (g.redirect) {
          // The cloud sends the hub to use from now on (another replica); a bad URL is ignored, not obeyed.
          try {
            const next = linkUrl(g.redirect);
            if (next.startsWith('ws:') && !this.config.security.insecure) throw new Error('a redirect may not downgrade to plain ws://');
            this.url = next;
          } catch (err) { this.log.warn({ redirect: g.redirect, err: (err as Error).message }, 'ignoring a redirect that is not a ws:// or wss:// URL, or that downgrades to ws://'); }
        }
        this.log.info({ code: closeCodeName(g.code ?? 0), reason: g.reason, retryAfterMs: g.retryAfterMs, redirect: g.redirect || undefined }, 'cloud says go away');
        // Drop the socket at once: this side's FIN goes first, so TIME_WAIT stays here and a
        // hub restarted on the same host can bind its port again (uWS has no SO_REUSEADDR).
        sock.localClose ??= { code: g.code ?? CloseCode.NORMAL, reason: g.reason ?? '' };
        sock.ws.terminate();
      } else if (this.session === null) {
        if (frame.body !== 'welcome') throw new ProtocolError(`expected welcome, got ${frame.body}`);
        this.welcome(sock, frame.welcome as Welcome);
      } else if (isStreamBody(frame.body)) {
        this.tunnel?.receive(frame, sock.id);
      } else if (!this.events.frame(frame, this)) {
        this.link.receive(frame, sock);
      }
    } catch (err) {
      this.failed(sock, err);
    }
  }

  private failed(sock: CloudSocket, err: unknown): void {
    if (err instanceof ProtocolError) {
      this.log.warn({ code: closeCodeName(err.code), err: err.message }, 'protocol error from the cloud; closing the connection');
      sock.close(err.code, err.message);
    } else {
      this.log.error({ err }, 'internal error handling a frame; closing the connection');
      sock.close(CloseCode.INTERNAL, 'internal error');
    }
  }

  private welcome(sock: CloudSocket, w: Welcome): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
    this.link.attach(sock, w.epoch, w.received, w.maxFrameBytes || this.config.link.limits.maxFrameBytes, w.pingIntervalMs, this.index);
    this.session = w.session;
    this.tunnel?.attach({ id: sock.id, send: (f) => sock.send(f), bufferedAmount: () => sock.bufferedAmount(), rttMs: () => this.link.pathRttMs(sock), sendCopies: true, sendOwned: (f, release) => sock.sendOwned(f, release) });
    this.stableTimer = setTimeout(() => this.backoff.reset(), this.config.backoff.stableMs);
    this.log.info({ url: this.url, session: w.session }, 'online');
    this.events.up(this, w.session, sock);
  }

  private disconnected(sock: CloudSocket, code: number, reason: string): void {
    if (this.socket !== sock) return;
    this.socket = null;
    const wasOnline = this.session !== null;
    this.session = null;
    this.link.detach(sock);
    this.tunnel?.detach(sock.id);
    for (const t of [this.handshakeTimer, this.stableTimer]) if (t) clearTimeout(t);
    this.handshakeTimer = this.stableTimer = null;
    if (this.stopped) return;
    // The hub's retry-after is its schedule (admission slots, jittered drains): follow it as is,
    // and do not count it as a failed attempt, or a few refusals would push the edge out to the
    // backoff cap (30 s) while its slot came in a second (bench storm).
    const retryInMs = this.retryAfterMs > 0 ? this.retryAfterMs : this.backoff.next();
    this.retryAfterMs = 0;
    this.log[wasOnline ? 'warn' : 'info']({ code: closeCodeName(code), reason, retryInMs }, wasOnline ? 'offline; reconnecting' : 'connect failed; retrying');
    this.events.down(this, { code, reason, retryInMs, wasOnline });
    this.retryTimer = setTimeout(() => this.connect(), retryInMs);
  }
}
