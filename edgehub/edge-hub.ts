/**
 * The edge hub: keeps its paths to the cloud hub up for as long as it runs
 * (one socket by default, several with multipath: edgehub/uplink.ts), and a
 * link that queues while they are down and resends what the cloud lacks
 * when one is back.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import {
  ClosedError, createLogger, Link, Traffic, LmdbStore, MemoryStore, type KeyValue, type ResourceCache, type Store,
  type InboundMessage, type LaneDepth, type LaneName, type LinkStats, type Receipt, type SendInput,
} from '../link/index.js';
import { closeCodeName } from '../proto/index.js';
import { edgeHubConfig, type EdgeHubConfig, type EdgeHubOptions } from './config.js';
import { EdgeMqtt } from './mqtt-face.js';
import { TokenKeeper } from './token-keeper.js';
import { Uplink } from './uplink.js';
import { EdgeHubMetrics } from './metrics.js';
import { EdgeAdminServer } from './admin-server.js';
import { EdgeTunnel } from '../tunnel/edge-tunnel.js';
import { reportPods } from '../tunnel/pod-reports.js';

export interface EdgeHubEvents {
  message: [message: InboundMessage];
  /** The first path is up (the edge was offline). */
  online: [info: { session: string; url: string }];
  /** The last path went down. */
  offline: [info: { code: number; reason: string; retryInMs: number }];
}

export interface EdgePathStatus {
  index: number;
  url: string;
  online: boolean;
  session: string | null;
  rttMs: number | null;
  attempts: number;
  /** Times a lane left this path for want of acks (fast retransmit). */
  stalls: number;
  /** The lanes written on this path now: control on every path, the others on one. */
  lanes: LaneName[];
}

export interface EdgeStatus {
  node: string;
  url: string;
  online: boolean;
  session: string | null;
  rttMs: number | null;
  attempts: number;
  paths: EdgePathStatus[];
  lanes: Record<LaneName, LaneDepth>;
  stats: LinkStats;
}

export class EdgeHub extends EventEmitter<EdgeHubEvents> {
  readonly config: EdgeHubConfig;
  readonly log: Logger;
  private readonly link: Link;
  private readonly uplinks: Uplink[];
  private closed = false;
  private readonly keeper: TokenKeeper;
  /** The local MQTT face, when configured (`mqtt` option): `edge.mqtt.stats()`. */
  mqtt: EdgeMqtt | null = null;
  private readonly traffic = new Traffic();
  private admin: EdgeAdminServer | null = null;
  /** Prometheus metrics, served at /metrics on the local admin listener (README, "Metrics reference"). */
  readonly metrics: EdgeHubMetrics;

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
    const cache = store.resources();
    this.resources = cache;
    this.metrics = new EdgeHubMetrics({ links: () => [this.link], traffic: this.traffic, online: () => this.online, tunnelStreams: () => this.tunnel.counts().streams });
    this.link = new Link({
      peer: 'cloud',
      outbox: store.outbox('cloud', config.link.lanes),
      inbox: store.inbox('cloud'),
      config: config.link,
      log,
      deliver: (m) => this.emit('message', m),
      record: (m) => cache.record(m),
      observer: this.metrics.observer,
      passivePing: true,
    });
    this.tunnel = new EdgeTunnel(config.tunnel, log);
    const keeper = new TokenKeeper(config.token, config.security, log, config.link.handshakeTimeoutMs);
    this.keeper = keeper;
    const instance = randomBytes(8).toString('base64url');
    this.uplinks = Array.from({ length: config.paths }, (_, i) => new Uplink(
      i, config.urls[i % config.urls.length]!, config.localAddresses[i % config.localAddresses.length] || undefined,
      instance, config, this.link, log, () => keeper.token, this.traffic, {
        up: (u, session, sock) => {
          this.metrics.connected();
          if (this.uplinks.filter((x) => x.online).length === 1) this.emit('online', { session, url: u.url });
          keeper.online(sock);
        },
        down: (_u, info) => {
          if (info.wasOnline) this.metrics.disconnected(closeCodeName(info.code));
          if (this.link.online) return;
          // Renewal answers come on any path; only with the last one down is a pending one lost.
          keeper.disconnected();
          if (info.wasOnline) this.emit('offline', { code: info.code, reason: info.reason, retryInMs: info.retryInMs });
        },
        frame: (frame) => {
          if (frame.body !== 'tokenRenewed') return false;
          keeper.answered(frame.tokenRenewed!.expiresAtMs ?? 0, frame.tokenRenewed!.error ?? '');
          return true;
        },
      },
      this.tunnel,
    ));
  }

  /** Validates options, opens the store and starts connecting; resolves at once (the edge works offline). */
  static async start(options: EdgeHubOptions): Promise<EdgeHub> {
    const config = edgeHubConfig(options);
    const log = createLogger(options.log, 'edgehub').child({ node: config.node });
    const store = config.store === 'lmdb' ? LmdbStore.open(config.dataDir!, { minFreeBytes: config.storeMinFreeBytes }) : new MemoryStore();
    const hub = new EdgeHub(config, log, store);
    if (config.admin) {
      try {
        hub.admin = await EdgeAdminServer.start({ metrics: hub.metrics, online: () => hub.online, running: () => !hub.closed }, config.admin.host, config.admin.port);
      } catch (err) {
        await store.close();
        throw err;
      }
    }
    if (config.mqtt) {
      try {
        hub.mqtt = await EdgeMqtt.start(hub, config.mqtt, log, config.link.limits.maxPayloadBytes);
      } catch (err) {
        await store.close();
        throw err;
      }
    }
    if (config.security.insecure) log.warn({ urls: config.urls }, 'INSECURE DEV MODE: plain ws://; the node token crosses the network in clear text. Never use this outside development.');
    hub.keeper.watch((token) => hub.renewToken(token).catch((err: Error) => log.warn({ err: err.message }, 'token from the token file not taken')));
    for (const u of hub.uplinks) u.start();
    if (config.tunnel.pods.size || store.kv().get(['tunnel', 'reported-pods'])) {
      await reportPods(hub, hub.tunnel, config.node).catch((err: Error) => log.error({ err: err.message }, 'could not queue the pod reports'));
    }
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
  publish(input: SendInput): Promise<Receipt> {
    if (this.closed) return Promise.reject(new ClosedError('edge hub'));
    return this.link.send(input);
  }

  /**
   * Rotates the node token without dropping the link: sends it to the cloud,
   * which checks it names this node and extends the session to its expiry.
   * Offline, it is used at the next connect. Rejects if the cloud refuses it
   * (the current token then stays in use).
   */
  renewToken(token: string): Promise<{ expiresAt: Date }> {
    if (this.closed) return Promise.reject(new ClosedError('edge hub'));
    return this.keeper.renew(token, this.uplinks.find((u) => u.online)?.transport ?? null);
  }

  status(): EdgeStatus {
    const info = this.link.pathInfo();
    const paths = this.uplinks.map((u): EdgePathStatus => {
      const p = info.find((x) => x.index === u.index);
      return { index: u.index, url: u.url, online: u.online, session: u.session, rttMs: p?.rttMs ?? null, attempts: u.attempts, stalls: p?.stalls ?? 0, lanes: p?.lanes ?? [] };
    });
    const first = paths.find((p) => p.online) ?? paths[0]!;
    return {
      node: this.config.node,
      url: first.url,
      online: this.online,
      session: first.session,
      rttMs: this.rttMs,
      attempts: first.attempts,
      paths,
      lanes: this.link.depth(),
      stats: this.link.stats,
    };
  }

  /** URL of the local admin listener (/metrics, /healthz, /readyz), or null. */
  get adminUrl(): string | null {
    return this.admin?.url ?? null;
  }

  /**
   * Graceful stop (SIGTERM): writes the acks owed to the cloud once their
   * commits are synced, then closes the socket (1000) and the store, within
   * `timeoutMs` (drainTimeoutMs) for the acks.
   */
  async drain(timeoutMs = this.config.drainTimeoutMs): Promise<void> {
    if (this.closed) return;
    let timer: NodeJS.Timeout | undefined;
    const flushed = await Promise.race([
      this.link.flushAcks().then(() => true, () => true),
      new Promise<boolean>((r) => { timer = setTimeout(() => r(false), timeoutMs); }),
    ]);
    clearTimeout(timer);
    if (!flushed) this.log.warn({ timeoutMs }, 'drain: acks still waiting for the store at the deadline');
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.admin?.close();
    this.keeper.stop();
    await this.mqtt?.close();
    this.link.close();
    this.tunnel.close();
    await Promise.all(this.uplinks.map((u) => u.stop()));
    await this.store.close();
  }
}
