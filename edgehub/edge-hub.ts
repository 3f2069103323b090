/**
 * The edge hub: keeps one socket to the cloud hub up for as long as it runs,
 * with backoff and full jitter between attempts, and a link that queues while
 * the socket is down and resends what the cloud lacks when it is back.
 */
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { Logger } from 'pino';
import {
  CloseCode, closeCodeName, decodeFrame, encodeFrame, ProtocolError, PROTOCOL_VERSION, type Welcome,
} from '../proto/index.js';
import {
  Backoff, ClosedError, createLogger, Link, LmdbStore, MemoryStore, type KeyValue, type ResourceCache, type Store,
  type InboundMessage, type LaneDepth, type LaneName, type LinkStats, type Receipt, type SendInput,
} from '../link/index.js';
import { edgeHubConfig, linkUrl, type EdgeHubConfig, type EdgeHubOptions } from './config.js';
import { CloudSocket } from './cloud-socket.js';
import { EdgeTunnel } from '../tunnel/edge-tunnel.js';
import { reportPods } from '../tunnel/pod-reports.js';
import { isStreamBody } from '../proto/stream-codec.js';

export interface EdgeHubEvents {
  message: [message: InboundMessage];
  online: [info: { session: string; url: string }];
  offline: [info: { code: number; reason: string; retryInMs: number }];
}

export interface EdgeStatus {
  node: string;
  url: string;
  online: boolean;
  session: string | null;
  rttMs: number | null;
  attempts: number;
  lanes: Record<LaneName, LaneDepth>;
  stats: LinkStats;
}

export class EdgeHub extends EventEmitter<EdgeHubEvents> {
  readonly config: EdgeHubConfig;
  readonly log: Logger;
  private readonly link: Link;
  private readonly backoff: Backoff;
  private url: string;
  private socket: CloudSocket | null = null;
  private session: string | null = null;
  private handshakeTimer: NodeJS.Timeout | null = null;
  private stableTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** What the cloud asked for in its last GoAway or HTTP 503. */
  private retryAfterMs = 0;
  private closed = false;

  /**
   * The newest state of every key received on the state lane, durable with
   * the lmdb store: what the agent reads while the link is down or after a
   * restart (`get(key)`, `list(prefix)`). A delete removes the key.
   */
  readonly resources: ResourceCache;
  /** Reverse tunnel: `edge.tunnel.register(kind, provider)`; serves the configured pods. */
  readonly tunnel: EdgeTunnel;

  private constructor(config: EdgeHubConfig, log: Logger, private readonly store: Store) {
    super();
    this.config = config;
    this.log = log;
    this.url = config.url;
    this.backoff = new Backoff(config.backoff);
    this.tunnel = new EdgeTunnel(config.tunnel, log);
    const cache = store.resources();
    this.resources = cache;
    this.link = new Link({
      peer: 'cloud',
      outbox: store.outbox('cloud', config.link.lanes),
      inbox: store.inbox('cloud'),
      config: config.link,
      log,
      deliver: (m) => this.emit('message', m),
      record: (m) => cache.record(m),
    });
  }

  /** Validates options, opens the store and starts connecting; resolves at once (the edge works offline). */
  static async start(options: EdgeHubOptions): Promise<EdgeHub> {
    const config = edgeHubConfig(options);
    const log = createLogger(options.log, 'edgehub').child({ node: config.node });
    const store = config.store === 'lmdb' ? LmdbStore.open(config.dataDir!, { minFreeBytes: config.storeMinFreeBytes }) : new MemoryStore();
    const hub = new EdgeHub(config, log, store);
    hub.connect();
    if (config.tunnel.pods.size || store.kv().get(['tunnel', 'reported-pods'])) await reportPods(hub, hub.tunnel, config.node).catch((err: Error) => log.error({ err: err.message }, 'could not queue the pod reports'));
    return hub;
  }

  /**
   * The agent's key-value space in the edge's store: what a 'message' handler
   * writes here commits atomically with that message's delivery.
   */
  get kv(): KeyValue {
    return this.store.kv();
  }

  get online(): boolean {
    return this.link.online;
  }

  get rttMs(): number | null {
    return this.link.rttMs;
  }

  /** Resolves when the link is up (at once if it is). */
  waitOnline(timeoutMs = 30_000): Promise<void> {
    if (this.online) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.off('online', up); reject(new Error(`not online within ${timeoutMs} ms`)); }, timeoutMs);
      const up = (): void => { clearTimeout(timer); resolve(); };
      this.once('online', up);
    });
  }

  /** Accepts a message for the cloud, online or not. */
  async publish(input: SendInput): Promise<Receipt> {
    if (this.closed) throw new ClosedError('edge hub');
    return this.link.send(input);
  }

  status(): EdgeStatus {
    return {
      node: this.config.node,
      url: this.url,
      online: this.online,
      session: this.session,
      rttMs: this.rttMs,
      attempts: this.backoff.attempts,
      lanes: this.link.depth(),
      stats: this.link.stats,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.clearTimers();
    const sock = this.socket;
    this.link.close();
    this.tunnel.close();
    if (sock && sock.ws.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        sock.ws.once('close', () => resolve());
        sock.close(CloseCode.NORMAL, 'edge hub closing');
        setTimeout(() => { sock.ws.terminate(); resolve(); }, 2_000).unref();
      });
    }
    await this.store.close();
  }

  private clearTimers(): void {
    for (const t of [this.handshakeTimer, this.stableTimer, this.retryTimer]) if (t) clearTimeout(t);
    this.handshakeTimer = this.stableTimer = this.retryTimer = null;
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.closed) return;
    const ws = new WebSocket(this.url, {
      headers: { authorization: `Bearer ${this.config.token}`, 'x-isthmus-node': this.config.node },
      maxPayload: this.config.link.limits.maxFrameBytes,
      perMessageDeflate: false,
      handshakeTimeout: this.config.link.handshakeTimeoutMs,
    });
    const sock = new CloudSocket(ws);
    sock.onWritten = () => {
      if (ws.bufferedAmount < this.config.link.highWaterBytes) this.link.writable();
      this.tunnel.writable(sock.id);
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
      ws.send(encodeFrame({
        hello: {
          version: PROTOCOL_VERSION, node: this.config.node, epoch: this.link.epoch,
          received: this.link.receivedCursors(), maxFrameBytes: this.config.link.limits.maxFrameBytes,
        },
      }));
      this.handshakeTimer = setTimeout(() => {
        this.log.warn({ url: this.url }, 'no welcome within the handshake deadline');
        sock.close(CloseCode.HANDSHAKE_TIMEOUT, 'no welcome');
      }, this.config.link.handshakeTimeoutMs);
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => this.received(sock, data, isBinary));
    ws.on('error', (err) => { if (!refusal) refusal = err.message; });
    ws.on('close', (code, reason) => {
      const local = sock.localClose;
      this.disconnected(sock, local?.code ?? code, local?.reason ?? (reason.toString() || refusal));
    });
  }

  private received(sock: CloudSocket, data: Buffer, isBinary: boolean): void {
    if (this.socket !== sock || sock.ws.readyState !== WebSocket.OPEN) return;
    try {
      if (!isBinary) throw new ProtocolError('text frame: the protocol is binary protobuf');
      const frame = decodeFrame(data, this.config.link.limits);
      if (frame.body === 'goAway') {
        const g = frame.goAway!;
        this.retryAfterMs = g.retryAfterMs ?? 0;
        if (g.redirect) {
          // The cloud sends the hub to use from now on (another replica); a bad URL is ignored, not obeyed.
          try { this.url = linkUrl(g.redirect); } catch (err) { this.log.warn({ redirect: g.redirect, err: (err as Error).message }, 'ignoring a redirect that is not a ws:// URL'); }
        }
        this.log.info({ code: closeCodeName(g.code ?? 0), reason: g.reason, retryAfterMs: g.retryAfterMs, redirect: g.redirect || undefined }, 'cloud says go away');
      } else if (this.session === null) {
        if (frame.body !== 'welcome') throw new ProtocolError(`expected welcome, got ${frame.body}`);
        this.welcome(sock, frame.welcome as Welcome);
      } else if (isStreamBody(frame.body)) {
        this.tunnel.receive(frame, sock.id);
      } else {
        this.link.receive(frame);
      }
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.log.warn({ code: closeCodeName(err.code), err: err.message }, 'protocol error from the cloud; closing the connection');
        sock.close(err.code, err.message);
      } else {
        this.log.error({ err }, 'internal error handling a frame; closing the connection');
        sock.close(CloseCode.INTERNAL, 'internal error');
      }
    }
  }

  private welcome(sock: CloudSocket, w: Welcome): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
    this.link.attach(sock, w.epoch, w.received, w.maxFrameBytes || this.config.link.limits.maxFrameBytes, w.pingIntervalMs);
    this.session = w.session;
    this.tunnel.attach({ id: sock.id, send: (f) => sock.send(f), bufferedAmount: () => sock.bufferedAmount(), rttMs: () => this.link.rttMs });
    this.stableTimer = setTimeout(() => this.backoff.reset(), this.config.backoff.stableMs);
    this.log.info({ url: this.url, session: w.session }, 'online');
    this.emit('online', { session: w.session, url: this.url });
  }

  private disconnected(sock: CloudSocket, code: number, reason: string): void {
    if (this.socket !== sock) return;
    this.socket = null;
    const wasOnline = this.session !== null;
    this.session = null;
    this.link.detach(sock);
    this.tunnel.detach(sock.id);
    for (const t of [this.handshakeTimer, this.stableTimer]) if (t) clearTimeout(t);
    this.handshakeTimer = this.stableTimer = null;
    if (this.closed) return;
    const retryInMs = Math.max(this.backoff.next(), this.retryAfterMs);
    this.retryAfterMs = 0;
    this.log[wasOnline ? 'warn' : 'info']({ code: closeCodeName(code), reason, retryInMs }, wasOnline ? 'offline; reconnecting' : 'connect failed; retrying');
    if (wasOnline) this.emit('offline', { code, reason, retryInMs });
    this.retryTimer = setTimeout(() => this.connect(), retryInMs);
  }
}
