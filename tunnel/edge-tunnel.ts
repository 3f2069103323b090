/**
 * The edge hub's side of the tunnel: one session per socket to the cloud,
 * the providers by kind, and the pods reported to the cloud.
 */
import type { Logger } from 'pino';
import type { Frame } from '../proto/index.js';
import { StreamCode, StreamError } from './codes.js';
import type { EdgeTunnelConfig, PodConfig } from './edge-config.js';
import type { StreamPath } from './path.js';
import type { Provider, ProviderContext } from './provider.js';
import { builtinProviders } from './providers/index.js';
import { StreamBudget, TunnelSession, type SessionStats } from './session.js';
import type { Stream } from './stream.js';

export interface TunnelCounts {
  sessions: number;
  streams: number;
  stats: SessionStats;
}

/** The Pod status an edge reports on the state lane for each declared pod. */
export interface PodReport {
  node: string;
  namespace: string;
  name: string;
  ports: number[];
  logs: boolean;
  exec: boolean;
  startedAt: string;
}

export class EdgeTunnel {
  /** One session per socket (one per path with multipath). */
  private readonly sessions = new Map<string, TunnelSession>();
  private readonly providers = new Map<string, Provider>();
  private readonly budget: StreamBudget;
  private readonly context: ProviderContext;
  /** Totals over past sessions, so counts survive reconnects. */
  private readonly totals: SessionStats = { opened: 0, accepted: 0, refused: 0, resets: 0, late: 0, bytesIn: 0, bytesOut: 0 };

  constructor(readonly config: EdgeTunnelConfig, private readonly log: Logger) {
    this.budget = new StreamBudget(config.maxStreamsPerHub);
    for (const [kind, p] of Object.entries(builtinProviders)) this.providers.set(kind, p);
    for (const [kind, p] of Object.entries(config.providers)) this.providers.set(kind, p);
    const pods = config.pods;
    this.context = {
      pod: (name: unknown): PodConfig => {
        const pod = typeof name === 'string' ? pods.get(name) : undefined;
        if (!pod) throw new StreamError(StreamCode.NOT_FOUND, `pod ${JSON.stringify(name)} is not served by this edge`);
        return pod;
      },
      execAllow: config.execAllow,
      log,
    };
  }

  /** Adds or replaces the provider of a kind (e.g. "attach", or your own "exec"). */
  register(kind: string, provider: Provider): void {
    if (typeof provider !== 'function') throw new TypeError(`provider for "${kind}" must be a function`);
    this.providers.set(kind, provider);
  }

  /** What the edge reports to the cloud: one Pod status per declared pod. */
  podReports(node: string, startedAt: string): PodReport[] {
    return [...this.config.pods.values()].map((p) => ({
      node, namespace: p.namespace, name: p.name, ports: [...p.ports.keys()], logs: p.logFile !== null,
      exec: this.config.execAllow.length > 0, startedAt,
    }));
  }

  /** A socket finished its handshake. */
  attach(path: StreamPath): void {
    this.detach(path.id);
    this.sessions.set(path.id, new TunnelSession({ side: 'edge', path, config: this.config, budget: this.budget, onOpen: (s) => this.opened(s) }));
  }

  /** The edge hub is closing: streams end with SHUTDOWN, then the sockets go. */
  close(): void {
    for (const s of this.sessions.values()) s.shutdown('edge hub shutting down');
    this.detach();
  }

  /** A socket is gone: its streams reset. Without pathId: every socket's. */
  detach(pathId?: string): void {
    for (const [id, s] of [...this.sessions]) {
      if (pathId !== undefined && id !== pathId) continue;
      this.sessions.delete(id);
      s.close();
      for (const k of Object.keys(this.totals) as Array<keyof SessionStats>) this.totals[k] += s.stats[k];
    }
  }

  /** A stream frame that arrived on socket `pathId`. */
  receive(frame: Frame, pathId?: string): void {
    (pathId !== undefined ? this.sessions.get(pathId) : this.sessions.values().next().value)?.receive(frame);
  }

  writable(pathId?: string): void {
    if (pathId !== undefined) this.sessions.get(pathId)?.writable();
    else for (const s of this.sessions.values()) s.writable();
  }

  /** An open stream by id on any socket (for tests and diagnostics). */
  findStream(id: number): Stream | undefined {
    for (const s of this.sessions.values()) {
      const found = s.streams.get(id);
      if (found) return found;
    }
    return undefined;
  }

  counts(): TunnelCounts {
    const stats = { ...this.totals };
    for (const s of this.sessions.values()) for (const k of Object.keys(stats) as Array<keyof SessionStats>) stats[k] += s.stats[k];
    return { sessions: this.sessions.size, streams: this.budget.used, stats };
  }

  private opened(stream: Stream): void {
    const provider = this.providers.get(stream.kind);
    if (!provider) {
      stream.fail(StreamCode.UNKNOWN_KIND, `no provider for stream kind "${stream.kind}" on this edge`);
      return;
    }
    const failed = (err: unknown): void => {
      const code = err instanceof StreamError ? err.code : StreamCode.INTERNAL;
      const message = err instanceof StreamError ? err.message.replace(/^[A-Z_]+: /, '') : (err as Error).message;
      if (stream.state === 'opening') stream.fail(code, message);
      else stream.reset(code, message);
      if (!(err instanceof StreamError)) this.log.warn({ kind: stream.kind, id: stream.id, err }, 'tunnel provider failed');
    };
    try {
      const r = provider(stream, this.context);
      if (r instanceof Promise) r.catch(failed);
    } catch (err) {
      failed(err);
    }
  }
}
