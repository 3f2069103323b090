/**
 * The cloud hub: one uWebSockets.js server holding one socket per edge, a
 * link per node that outlives its sockets, and the northbound API.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import uWS from 'uWebSockets.js';
import type { Logger } from 'pino';
import {
  CloseCode, closeCodeName, decodeFrame, encodeFrame, ProtocolError, PROTOCOL_VERSION, type Hello,
} from '../proto/index.js';
import {
  checkNodeName, ClosedError, createLogger, Link, LmdbStore, MemoryStore, toWire, FlushScheduler, Traffic, type KeyValue, type Store,
  type InboundMessage, type LaneDepth, type LaneName, type LinkStats, type Receipt, type SendInput,
} from '../link/index.js';
import { cloudHubConfig, type CloudHubConfig, type CloudHubOptions } from './config.js';
import { EdgeSocket, type SocketData } from './edge-socket.js';
import { mintToken } from './token.js';
import { openDataDir, writeHubAddress } from './data-dir.js';
import { AdminApi } from './admin-api.js';
import { CloudTunnel } from '../tunnel/cloud-tunnel.js';
import { isStreamBody } from '../proto/stream-codec.js';
import { copyBytes, slabAlloc } from '../proto/slab.js';
import { KubeApi } from '../tunnel/kube/kube-api.js';
import { openTls, type HubTls } from './tls.js';
import { SessionGuard } from './session-guard.js';
import { CloudMqtt } from './mqtt-face.js';
import { loadMqttPassword } from './mqtt-credentials.js';
import { CloudHubMetrics } from './metrics.js';
import { Admission } from './admission.js';
import { drainEdges, type DrainOptions, type DrainResult } from './drain.js';

export interface LaneInfo extends LaneDepth {
  /** Age of the oldest queued message, ms, or null. */
  oldestAgeMs: number | null;
}

/** One of a node's sockets (several with multipath). */
export interface PathInfo {
  index: number;
  session: string;
  remote: string;
  rttMs: number | null;
  /** Times a lane left this path for want of acks (fast retransmit). */
  stalls: number;
  /** The lanes written on this path now: control on every path, the others on one. */
  lanes: LaneName[];
  connectedAt: number;
}

export interface NodeInfo {
  node: string;
  online: boolean;
  /** The first path's connection id and address. */
  session: string | null;
  remote: string | null;
  /** The best path's smoothed RTT. */
  rttMs: number | null;
  paths: PathInfo[];
  /** Bytes the socket library holds for this node's sockets (each bounded by the link's high-water mark). */
  bufferedBytes: number;
  connectedAt: number | null;
  lastSeenAt: number | null;
  lanes: Record<LaneName, LaneInfo>;
  stats: LinkStats;
}

export interface DisconnectOptions {
  code?: number;
  reason?: string;
  /** The edge waits at least this long before reconnecting. */
  retryAfterMs?: number;
  /** The edge reconnects to this URL instead. */
  redirect?: string;
}

export interface CloudHubEvents {
  message: [node: string, message: InboundMessage];
  online: [node: string, info: { session: string; remote: string }];
  offline: [node: string, info: { code: number; reason: string }];
}

const DEFAULT_TOKEN_TTL_MS = 30 * 86_400_000;

/** A node's current sockets: one per path index, all from one edge process. */
interface NodeSockets {
  instance: string;
  /** At most one per pathIndex; an exactly sized array, not a Map (~300 B per idle edge). */
  paths: readonly EdgeSocket[];
}

export class CloudHub extends EventEmitter<CloudHubEvents> {
  readonly config: CloudHubConfig;
  readonly log: Logger;
  /** Port edges connect to (the real one when 0 was asked for). */
  port = 0;
  private readonly secret: Uint8Array;
  readonly adminToken: string;
  private readonly links = new Map<string, Link>();
  private readonly scheduler = new FlushScheduler();
  private readonly current = new Map<string, NodeSockets>();
  private readonly sockets = new Set<EdgeSocket>();
  private listenSocket: uWS.us_listen_socket | null = null;
  private admin: AdminApi | null = null;
  /** Reverse tunnel: `hub.tunnel.exec(node, {...})`, `logs`, `portForward`, `pods()`. */
  readonly tunnel: CloudTunnel;
  private kube: KubeApi | null = null;
  /** The northbound MQTT face, when configured (`mqtt` option): `hub.mqtt.stats()`. */
  mqtt: CloudMqtt | null = null;
  private closing = false;
  private tls!: HubTls;
  private guard!: SessionGuard;
  private shut = false;
  private draining = false;
  private readonly traffic = new Traffic();
  private readonly admission: Admission;
  /** Prometheus metrics, served at GET /metrics on the admin listener (README, "Metrics reference"). */
  readonly metrics: CloudHubMetrics;

  private constructor(config: CloudHubConfig, secret: Uint8Array, adminToken: string, log: Logger, readonly store: Store) {
    super();
    this.admission = new Admission(config.admission);
    this.metrics = new CloudHubMetrics({
      links: () => this.links.values(),
      traffic: this.traffic,
      connectedNodes: () => this.current.size,
      openSockets: () => this.sockets.size,
      draining: () => this.draining,
      tunnelStreams: () => this.tunnel.counts().streams,
    });
    this.config = config;
    this.secret = secret;
    this.adminToken = adminToken;
    this.log = log;
    this.tunnel = new CloudTunnel(config.tunnel, log, () => this.store.kv());
  }

  /** Validates options, loads or creates secrets, and listens. */
  static async start(options: CloudHubOptions = {}): Promise<CloudHub> {
    const config = cloudHubConfig(options);
    const log = createLogger(options.log, 'cloudhub');
    const files = config.dataDir ? openDataDir(config.dataDir) : null;
    const secret = typeof options.secret === 'string' ? Buffer.from(options.secret, 'utf8')
      : options.secret ?? files?.secret ?? randomBytes(32);
    const adminToken = options.adminToken ?? files?.adminToken ?? randomBytes(24).toString('base64url');
    const store = config.store === 'lmdb' ? LmdbStore.open(join(config.dataDir!, 'store'), { minFreeBytes: config.storeMinFreeBytes }) : new MemoryStore();
    const hub = new CloudHub(config, secret, adminToken, log, store);
    try {
      hub.guard = new SessionGuard(secret, config.security, log);
      hub.tls = await openTls(config.security.tls, [config.host, config.admin?.host ?? ''], log);
    } catch (err) {
      await store.close();
      throw err;
    }
    // Nodes with queued messages or delivery state come back before any edge does.
    for (const node of store.peers()) hub.linkFor(node);
    try {
      await hub.listen();
    } catch (err) {
      await store.close();
      hub.tls.cleanup();
      throw err;
    }
    hub.guard.start(() => hub.sockets);
    if (config.admin) {
      hub.admin = await AdminApi.start(hub, config.admin.host, config.admin.port, hub.tls.app);
    }
    if (config.mqtt) {
      try {
        hub.mqtt = await CloudMqtt.start(hub, config.mqtt, config.mqtt.password ?? loadMqttPassword(config.dataDir), log, config.link.limits.maxPayloadBytes);
      } catch (err) {
        await hub.close();
        throw err;
      }
    }
    if (config.tunnel.kube) hub.kube = await KubeApi.start(hub, config.tunnel.kube.host, config.tunnel.kube.port, hub.tls.app);
    if (!hub.tls.app) log.warn({ url: hub.url, admin: hub.adminUrl }, 'INSECURE DEV MODE: no TLS; node and admin tokens cross the network in clear text. Never use this outside development.');
    if (config.dataDir) writeHubAddress(config.dataDir, { url: hub.url, admin: hub.adminUrl, pid: process.pid, ca: hub.caFile, kube: hub.kubeUrl });
    log.info({ url: hub.url, admin: hub.adminUrl, mqtt: hub.mqtt?.url, store: store.location, nodes: hub.links.size, ca: hub.caFile, certExpiresAt: hub.tls.certExpiresAt?.toISOString(), tlsCreated: hub.tls.created || undefined }, 'cloud hub listening');
    return hub;
  }

  /**
   * The application's key-value space in the hub's store: what a 'message'
   * handler writes here commits atomically with that message's delivery.
   */
  get kv(): KeyValue {
    return this.store.kv();
  }

  /** wss:// (ws:// in the insecure dev mode) URL edges use (with 127.0.0.1 for a wildcard host). */
  get url(): string {
    const host = this.config.host === '0.0.0.0' || this.config.host === '::' ? '127.0.0.1' : this.config.host;
    return `${this.tls.app ? 'wss' : 'ws'}://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  /** Listening for edges and not draining. */
  get accepting(): boolean {
    return this.listenSocket !== null && !this.closing;
  }

  /** The CA file edges verify this hub against (null in the insecure dev mode, or with an operator's cert and no tls.ca). */
  get caFile(): string | null {
    return this.tls.caFile;
  }

  /** The CA in PEM, for embedded edges: EdgeHub.start({ ca: hub.ca, ... }). */
  get ca(): string | null {
    return this.tls.caPem;
  }

  /** The token deny list file the hub reloads, or null. */
  get denyListFile(): string | null {
    return this.config.security.denyList;
  }

  get adminUrl(): string | null {
    return this.admin?.url ?? null;
  }

  /** URL of the Kubernetes-compatible API (kubectl --server), when it runs. */
  get kubeUrl(): string | null {
    return this.kube?.url ?? null;
  }

  /** Mints a token for a node (default 30 days). */
  mintToken(node: string, ttlMs = DEFAULT_TOKEN_TTL_MS): string {
    return mintToken(this.secret, node, ttlMs);
  }

  /** The node a token is valid for, or null (the MQTT face's node credentials). */
  verifyNodeToken(token: string): string | null {
    const check = this.guard.check(token); // signature, expiry and the deny list, as at the upgrade
    return check.ok ? check.claims.node : null;
  }

  /**
   * Accepts a message for a node, online or not. Resolves once queued;
   * `receipt.delivered` resolves once the edge acknowledged it.
   */
  send(node: string, input: SendInput): Promise<Receipt> {
    // Not async: one promise per message, the link's (the send path runs on a cold CPU at low rates).
    if (this.closing) return Promise.reject(new ClosedError('cloud hub'));
    const link = this.links.get(node);
    if (link) return link.send(input);
    try {
      // Bad input must not leave a phantom node behind: check it before the link exists.
      toWire(input, this.config.link.limits);
      return this.linkFor(checkNodeName(node)).send(input);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  nodes(): NodeInfo[] {
    return [...this.links.keys()].sort().map((n) => this.node(n)!);
  }

  node(name: string): NodeInfo | undefined {
    const link = this.links.get(name);
    if (!link) return undefined;
    const socks = [...(this.current.get(name)?.paths ?? [])].sort((a, b) => a.pathIndex - b.pathIndex);
    const sock = socks[0];
    const now = Date.now();
    const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
    const paths = link.pathInfo().map((p): PathInfo => {
      const s = socks.find((x) => x.id === p.id);
      return { index: p.index, session: p.id, remote: s?.remote ?? '', rttMs: round2(p.rttMs), stalls: p.stalls, connectedAt: p.connectedAt, lanes: p.lanes };
    });
    const depth = link.depth();
    const lanes = Object.fromEntries(Object.entries(depth).map(([lane, d]) => [
      lane, { ...d, oldestAgeMs: d.oldestAt === null ? null : Math.max(0, now - d.oldestAt) },
    ])) as Record<LaneName, LaneInfo>;
    return {
      node: name,
      online: link.online,
      session: sock?.id ?? null,
      remote: sock?.remote ?? null,
      rttMs: round2(link.rttMs),
      paths,
      bufferedBytes: socks.reduce((n, x) => n + x.bufferedAmount(), 0),
      connectedAt: link.connectedAt,
      lastSeenAt: link.lastSeenAt,
      lanes,
      stats: link.stats,
    };
  }

  /** Closes a node's sockets (every path), telling the edge when and where to come back. */
  disconnect(node: string, opts: DisconnectOptions = {}): boolean {
    const socks = this.current.get(node);
    if (!socks) return false;
    const code = opts.code ?? (opts.redirect ? CloseCode.REDIRECT : opts.retryAfterMs ? CloseCode.RETRY_AFTER : CloseCode.NORMAL);
    for (const sock of socks.paths) this.goAway(sock, code, opts.reason ?? closeCodeName(code), opts.retryAfterMs ?? 0, opts.redirect ?? '');
    return true;
  }

  /**
   * Graceful shutdown: stops accepting edges (readyz answers 503), writes the
   * acks owed, tells every edge to come back later or go to `redirect` (GoAway
   * with a jittered retry-after), waits for their sockets to close, then
   * closes the store cleanly; all within `timeoutMs` (drainTimeoutMs).
   */
  async drain(opts: DrainOptions = {}): Promise<DrainResult> {
    if (this.closing) {
      await this.close();
      return { edges: 0, leftOpen: 0, acksPending: 0, ms: 0 };
    }
    this.closing = this.draining = true;
    if (this.listenSocket) uWS.us_listen_socket_close(this.listenSocket);
    this.listenSocket = null;
    this.log.info({ edges: this.sockets.size, timeoutMs: opts.timeoutMs ?? this.config.drain.timeoutMs }, 'draining');
    const result = await drainEdges({
      sockets: this.sockets, links: this.links.values(), goAway: (...a) => this.goAway(...a), log: this.log,
      retryAfterMs: this.config.retryAfterMs, jitterMs: this.config.admission.jitterMs,
    }, opts.timeoutMs ?? this.config.drain.timeoutMs, opts.redirect ?? this.config.drain.redirect);
    await this.close();
    return result;
  }

  /** Stops accepting, tells every edge to come back later, and closes. */
  async close(): Promise<void> {
    if (this.shut) return;
    this.shut = this.closing = true;
    if (this.listenSocket) uWS.us_listen_socket_close(this.listenSocket);
    this.listenSocket = null;
    this.tunnel.close();
    for (const sock of [...this.sockets]) {
      this.goAway(sock, CloseCode.SHUTTING_DOWN, 'cloud hub shutting down', this.config.retryAfterMs, '');
    }
    await this.admin?.close();
    this.kube?.close();
    this.guard.stop();
    await this.mqtt?.close();
    for (const link of this.links.values()) link.close();
    await this.store.close();
    this.tls.cleanup();
    this.log.info('cloud hub closed');
  }

  /** GoAway, then close now, or (drain) leave the close to the edge, which drops the socket on a GoAway. */
  private goAway(sock: EdgeSocket, code: number, reason: string, retryAfterMs: number, redirect: string, closeNow = true): void {
    sock.send(encodeFrame({ goAway: { code, reason, retryAfterMs, redirect } }));
    sock.goAwayCode = code;
    if (closeNow) sock.close(code, reason);
  }

  /** Every link's delivery (one function for all: no closure per idle edge). */
  private readonly delivered = (m: InboundMessage, node: string): void => {
    this.tunnel.observe(node, m);
    this.emit('message', node, m);
  };

  private linkFor(node: string): Link {
    let link = this.links.get(node);
    if (!link) {
      link = new Link({
        peer: node,
        node,
        outbox: this.store.outbox(node, this.config.link.lanes),
        inbox: this.store.inbox(node),
        config: this.config.link,
        log: this.log,
        deliver: this.delivered,
        scheduler: this.scheduler,
        observer: this.metrics.observer,
      });
      this.links.set(node, link);
    }
    return link;
  }

  private listen(): Promise<void> {
    const app = this.tls.app ? uWS.SSLApp(this.tls.app) : uWS.App();
    const limits = this.config.link.limits;
    app.ws<SocketData>('/v1/link', {
      compression: uWS.DISABLED,
      maxPayloadLength: limits.maxFrameBytes,
      idleTimeout: 0, // liveness is ours: Ping/Pong frames with deadlines on both ends
      sendPingsAutomatically: false,
      // The link stops writing at highWaterBytes; this is only a safety net.
      maxBackpressure: Math.max(64 << 20, this.config.link.highWaterBytes * 8 + limits.maxFrameBytes),
      closeOnBackpressureLimit: 0,
      upgrade: (res, req, context) => this.upgrade(res, req, context),
      open: (ws) => this.opened(ws),
      message: (ws, data, isBinary) => this.received(ws.getUserData().sock, data, isBinary),
      drain: (ws) => { const sock = ws.getUserData().sock; sock.link?.writable(); if (sock.state === 'open') this.tunnel.writable(sock.node, sock.id); },
      close: (ws, code, message) => this.closed(ws.getUserData().sock, code, Buffer.from(message).toString()),
    });
    app.any('/*', (res) => {
      res.writeStatus('404 Not Found').end('isthmus: edges connect with a WebSocket upgrade to /v1/link\n');
    });
    return new Promise((resolve, reject) => {
      app.listen(this.config.host, this.config.port, (ls) => {
        if (!ls) return reject(new Error(`cannot listen on ${this.config.host}:${this.config.port} (port in use, or address not local)`));
        this.listenSocket = ls;
        this.port = uWS.us_socket_local_port(ls);
        resolve();
      });
    });
  }

  /** Authentication happens here, before a socket exists. */
  private upgrade(res: uWS.HttpResponse, req: uWS.HttpRequest, context: uWS.us_socket_context_t): void {
    const remote = Buffer.from(res.getRemoteAddressAsText()).toString();
    const auth = req.getHeader('authorization');
    const claimed = req.getHeader('x-isthmus-node');
    const key = req.getHeader('sec-websocket-key');
    const protocol = req.getHeader('sec-websocket-protocol');
    const extensions = req.getHeader('sec-websocket-extensions');
    const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    const check = this.guard.check(token);
    let reason = check.ok ? '' : check.reason;
    if (check.ok && claimed && claimed !== check.claims.node) reason = `token is for node "${check.claims.node}", not "${claimed}"`;
    if (!check.ok || reason) {
      this.metrics.refusedUpgrade('unauthorized');
      this.log.warn({ remote, node: claimed, reason }, 'edge refused at upgrade: 401');
      res.writeStatus('401 Unauthorized').end(`isthmus: ${reason}\n`);
      return;
    }
    // Capacity is told only to authenticated callers: a stranger learns nothing of the hub's load.
    if (this.closing || this.sockets.size >= this.config.maxConnections) {
      this.metrics.refusedUpgrade(this.closing ? 'closing' : 'full');
      this.log.warn({ remote, node: check.claims.node, connections: this.sockets.size }, 'edge refused: hub full or closing; told to retry later');
      return retryLater(res, this.config.retryAfterMs);
    }
    // Admission control: a token bucket, so a restarted hub takes its edges back at a pace it can serve.
    const admit = this.admission.take();
    if (!admit.admitted) {
      this.metrics.refusedUpgrade('admission');
      this.log.debug({ remote, node: check.claims.node, retryAfterMs: admit.retryAfterMs }, 'edge deferred by admission control');
      return retryLater(res, admit.retryAfterMs);
    }
    const sock = new EdgeSocket(check.claims.node, remote, this.traffic);
    sock.claims = check.claims;
    res.upgrade<SocketData>({ sock }, key, protocol, extensions, context);
  }

  private opened(ws: uWS.WebSocket<SocketData>): void {
    const sock = ws.getUserData().sock;
    sock.ws = ws;
    this.sockets.add(sock);
    sock.handshakeTimer = setTimeout(() => {
      this.log.warn({ node: sock.node, conn: sock.id }, 'no hello within the handshake deadline');
      sock.close(CloseCode.HANDSHAKE_TIMEOUT, 'no hello');
    }, this.config.link.handshakeTimeoutMs);
  }

  private received(sock: EdgeSocket, data: ArrayBuffer, isBinary: boolean): void {
    if (sock.state === 'closed') return;
    this.traffic.bytesIn += data.byteLength;
    try {
      if (!isBinary) throw new ProtocolError('text frame: the protocol is binary protobuf');
      // uWS reuses `data` after this callback; payloads handed to the application must own their bytes.
      const bytes = slabAlloc(data.byteLength);
      copyBytes(bytes, 0, new Uint8Array(data));
      const frame = decodeFrame(bytes, this.config.link.limits);
      if (sock.state === 'hello') {
        if (frame.body !== 'hello') throw new ProtocolError(`expected hello, got ${frame.body}`);
        this.hello(sock, frame.hello as Hello);
      } else if (frame.body === 'renewToken') {
        const answer = this.guard.renew(sock, frame.renewToken!.token ?? '');
        // One renewal covers every path of the edge process: they share one session.
        if (!answer.error) for (const other of this.current.get(sock.node)?.paths ?? []) other.claims = sock.claims;
        sock.send(encodeFrame({ tokenRenewed: answer }));
      } else if (isStreamBody(frame.body)) {
        this.tunnel.receive(sock.node, frame, sock.id);
      } else {
        sock.link!.receive(frame, sock);
      }
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.log.warn({ node: sock.node, conn: sock.id, remote: sock.remote, code: closeCodeName(err.code), err: err.message }, 'protocol error; closing this connection');
        sock.close(err.code, err.message);
      } else {
        this.log.error({ node: sock.node, conn: sock.id, err }, 'internal error handling a frame; closing this connection');
        sock.close(CloseCode.INTERNAL, 'internal error');
      }
    }
  }

  private hello(sock: EdgeSocket, hello: Hello): void {
    if (hello.node !== sock.node) {
      this.log.warn({ node: sock.node, claimed: hello.node, conn: sock.id }, 'hello names another node than the token');
      sock.close(CloseCode.FORBIDDEN, `token is for node "${sock.node}"`);
      return;
    }
    if (sock.handshakeTimer) clearTimeout(sock.handshakeTimer);
    sock.handshakeTimer = null;
    const link = this.linkFor(sock.node);
    link.checkPeerCursors(hello.received); // a bad Hello must not knock off a good connection
    if (hello.path >= this.config.maxPaths) {
      sock.close(CloseCode.PROTOCOL_ERROR, `path ${hello.path} is beyond this hub's limit of ${this.config.maxPaths} paths per node`);
      return;
    }
    // A socket from another edge process (or one that does not say) replaces every socket of the node;
    // one from the same process replaces only the socket with its path index.
    const previous = this.current.get(sock.node);
    const replaced: EdgeSocket[] = [];
    let entry = previous;
    if (!entry || !hello.instance || entry.instance !== hello.instance) {
      if (entry) replaced.push(...entry.paths);
      entry = { instance: hello.instance, paths: [] };
      this.current.set(sock.node, entry);
    } else {
      const same = entry.paths.find((s) => s.pathIndex === hello.path);
      if (same) replaced.push(same);
    }
    for (const old of replaced) {
      if (old === sock) continue;
      this.log.info({ node: sock.node, old: old.id, conn: sock.id, path: hello.path }, 'newer connection replaces the older one');
      old.replaced = true;
      old.close(CloseCode.REPLACED, 'a newer connection of this node took over');
    }
    sock.pathIndex = hello.path;
    entry.paths = entry.paths.filter((s) => s.pathIndex !== hello.path).concat([sock]);
    sock.link = link;
    sock.state = 'open';
    link.usePeerEpoch(hello.epoch);
    const limits = this.config.link.limits;
    sock.send(encodeFrame({
      welcome: {
        version: PROTOCOL_VERSION, session: sock.id, epoch: link.epoch, received: link.receivedCursors(),
        maxFrameBytes: limits.maxFrameBytes, pingIntervalMs: this.config.link.pingIntervalMs, maxPaths: this.config.maxPaths,
      },
    }));
    link.attach(sock, hello.epoch, hello.received, hello.maxFrameBytes || limits.maxFrameBytes, this.config.link.pingIntervalMs, hello.path);
    this.metrics.connected();
    // Streams ride the socket they were opened on; each path gets its own tunnel session.
    this.tunnel.attach(sock.node, sock);
    this.log.info({ node: sock.node, conn: sock.id, remote: sock.remote, path: hello.path, replaced: replaced[0]?.id }, 'edge online');
    if (!previous) this.emit('online', sock.node, { session: sock.id, remote: sock.remote });
  }

  private closed(sock: EdgeSocket, code: number, reason: string): void {
    sock.markClosed();
    if (!this.sockets.delete(sock)) return;
    if (sock.link) this.metrics.disconnected(closeCodeName(sock.goAwayCode ?? code));
    sock.link?.detach(sock);
    this.tunnel.detach(sock.node, sock.id);
    // uWS drops the TCP connection itself (no close frame: 1006) on a frame over maxPayloadLength.
    if (code === 1006 && /too big/i.test(reason)) {
      this.log.warn({ node: sock.node, conn: sock.id, remote: sock.remote, maxFrameBytes: this.config.link.limits.maxFrameBytes, reason }, 'frame over max_frame_bytes; connection dropped');
    }
    const entry = this.current.get(sock.node);
    if (sock.replaced || !entry?.paths.includes(sock)) return;
    entry.paths = entry.paths.filter((s) => s !== sock);
    if (entry.paths.length > 0) {
      this.log.info({ node: sock.node, conn: sock.id, path: sock.pathIndex, code: closeCodeName(code), reason, paths: entry.paths.length }, 'edge path closed; the others carry on');
      return;
    }
    this.current.delete(sock.node);
    this.log.info({ node: sock.node, conn: sock.id, code: closeCodeName(code), reason }, 'edge offline');
    this.emit('offline', sock.node, { code, reason });
  }
}

/** HTTP 503 with the wait in seconds (retry-after) and in ms (x-isthmus-retry-after-ms, which edges prefer). */
function retryLater(res: uWS.HttpResponse, ms: number): void {
  res.writeStatus('503 Service Unavailable')
    .writeHeader('retry-after', String(Math.ceil(ms / 1000)))
    .writeHeader('x-isthmus-retry-after-ms', String(ms))
    .end('isthmus: hub busy, retry later\n');
}
