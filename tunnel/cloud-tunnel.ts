/**
 * The cloud hub's side of the tunnel: a session per online node, the TS API
 * (`hub.tunnel.exec / logs / portForward / open`), the pods the edges report,
 * and the audit log of exec sessions.
 */
import type { Duplex, Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Frame } from '../proto/index.js';
import type { InboundMessage, KeyValue } from '../link/index.js';
import { StreamCode, StreamError } from './codes.js';
import type { TunnelConfig } from './config.js';
import type { PodReport, TunnelCounts } from './edge-tunnel.js';
import { streamDuplex, streamReadables, streamWritable } from './io.js';
import type { StreamPath } from './path.js';
import { StreamBudget, TunnelSession, type SessionStats } from './session.js';
import type { ExitStatus, Stream } from './stream.js';
import type { ExecParams } from './providers/exec.js';
import type { LogsParams } from './providers/logs.js';

/** What the exec provider takes (tty: a PTY, stdout and stderr merged; stdin: give the command one), and who asked, for the audit log. */
export interface ExecRequest extends ExecParams {
  user?: string;
}

export interface ExecSession {
  /** null unless `stdin` was asked; end() it to close the command's stdin. */
  stdin: Writable | null;
  stdout: Readable;
  stderr: Readable;
  resize(cols: number, rows: number): void;
  /** The command's exit status; rejects with a StreamError if the stream is reset or the link lost. */
  exit: Promise<ExitStatus>;
  /** Kills the command (stream reset). */
  cancel(): void;
}

/** What the logs provider takes. */
export type LogsRequest = LogsParams;

export interface LogsSession {
  stream: Readable;
  /** Resolves when the log ended (not following, or limitBytes reached); rejects if reset or lost. */
  done: Promise<void>;
  cancel(): void;
}

export interface PortForwardRequest {
  pod: string;
  port: number;
}

/** Where a reported pod lives. */
export interface PodRecord extends PodReport {
  reportedAt: number;
}

const POD_KEY = 'tunnel-pods';

export class CloudTunnel {
  /** Per node, the sockets (paths) streams may ride, oldest first; a stream lives on the path it was opened on. */
  private readonly paths = new Map<string, readonly StreamPath[]>();
  /**
   * A path's session, made when a stream first uses it: an idle node holds
   * none (a session with its maps and stats cost ~1 KB per idle edge, measured
   * by heap snapshot with 3000 edges).
   */
  private readonly sessions = new Map<StreamPath, TunnelSession>();
  private readonly budget: StreamBudget;
  private readonly totals: SessionStats = { opened: 0, accepted: 0, refused: 0, resets: 0, late: 0, bytesIn: 0, bytesOut: 0 };

  constructor(readonly config: TunnelConfig, private readonly log: Logger, private readonly kv: () => KeyValue) {
    this.budget = new StreamBudget(config.maxStreamsPerHub);
  }

  // ---- wiring (the hub calls these) ----

  /** One of a node's sockets finished its handshake: streams may ride it. */
  attach(node: string, path: StreamPath): void {
    this.detach(node, path.id);
    this.paths.set(node, (this.paths.get(node) ?? []).concat([path])); // exactly sized: spread reserves 17 slots
  }

  /** A node's socket is gone (or replaced): the streams on it reset. Without pathId: all of the node's. */
  detach(node: string, pathId?: string): void {
    const paths = this.paths.get(node);
    if (!paths) return;
    const kept = pathId === undefined ? [] : paths.filter((p) => p.id !== pathId);
    for (const p of paths) {
      if (kept.includes(p)) continue;
      const s = this.sessions.get(p);
      if (!s) continue;
      this.sessions.delete(p);
      s.close();
      for (const k of Object.keys(this.totals) as Array<keyof SessionStats>) this.totals[k] += s.stats[k];
    }
    if (kept.length === 0) this.paths.delete(node);
    else this.paths.set(node, kept);
  }

  /** A stream frame that arrived on the socket `pathId` of a node. */
  receive(node: string, frame: Frame, pathId?: string): void {
    const paths = this.paths.get(node);
    const path = pathId === undefined ? paths?.[0] : paths?.find((p) => p.id === pathId);
    if (path) this.session(path).receive(frame);
  }

  writable(node: string, pathId?: string): void {
    for (const p of this.paths.get(node) ?? []) if (pathId === undefined || p.id === pathId) this.sessions.get(p)?.writable();
  }

  private session(path: StreamPath): TunnelSession {
    let s = this.sessions.get(path);
    if (!s) {
      s = new TunnelSession({
        // The hub's paths are uWS sockets: send() copies the frame into the kernel or uWS's own buffer.
        side: 'cloud', path, config: this.config, budget: this.budget, sendCopies: true,
        onOpen: (st) => st.fail(StreamCode.UNKNOWN_KIND, `the cloud serves no "${st.kind}" streams`),
      });
      this.sessions.set(path, s);
    }
    return s;
  }

  /** The path new streams take: the lowest RTT (streams stay on their path: frames of one socket keep their order). */
  private best(node: string): TunnelSession | undefined {
    const paths = this.paths.get(node);
    if (!paths?.length) return undefined;
    let best = paths[0]!;
    if (paths.length > 1) { // one socket: no RTTs to compare (the common case)
      let bestRtt = best.rttMs() ?? Infinity;
      for (const p of paths) {
        const rtt = p.rttMs() ?? Infinity;
        if (rtt < bestRtt) { best = p; bestRtt = rtt; }
      }
    }
    return this.session(best);
  }

  /** Records Pod status messages (inside the delivery's commit: exactly once, durable). */
  observe(node: string, m: InboundMessage): void {
    if (m.type !== 'status' || m.kind !== 'Pod' || !m.name) return;
    try {
      this.record(node, m);
    } catch (err) {
      this.log.warn({ node, pod: m.name, err: (err as Error).message }, 'a Pod report could not be read; ignored');
    }
  }

  private record(node: string, m: InboundMessage): void {
    const key = [POD_KEY, m.namespace || 'default', m.name];
    if (m.op === 'delete') {
      const cur = this.kv().get(key) as PodRecord | undefined;
      if (cur?.node === node) this.kv().remove(key);
      return;
    }
    const value = m.value as Partial<PodReport> | undefined;
    const prev = this.kv().get(key) as PodRecord | undefined;
    if (prev && prev.node !== node) this.log.warn({ pod: m.name, namespace: m.namespace, node, previous: prev.node }, 'pod reported by another node: the newest report wins');
    const v = value && typeof value === 'object' ? value : {};
    const record: PodRecord = {
      ports: Array.isArray(v.ports) ? v.ports.filter((p) => Number.isInteger(p)) : [],
      logs: v.logs === true, exec: v.exec === true, startedAt: typeof v.startedAt === 'string' ? v.startedAt : new Date().toISOString(),
      node, namespace: m.namespace || 'default', name: m.name, reportedAt: Date.now(),
    };
    this.kv().put(key, record);
  }

  // ---- the API ----

  /** Pods the edges report, optionally of one namespace. */
  pods(namespace?: string): PodRecord[] {
    return this.kv().list(namespace ? [POD_KEY, namespace] : [POD_KEY]).map((e) => e.value as PodRecord);
  }

  pod(namespace: string, name: string): PodRecord | undefined {
    return this.kv().get([POD_KEY, namespace, name]) as PodRecord | undefined;
  }

  online(node: string): boolean {
    return this.paths.has(node);
  }

  /** Opens a raw stream of any kind on a node. Throws StreamError (LINK_LOST when offline, LIMIT). */
  open(node: string, kind: string, params: Record<string, unknown>): Stream {
    const s = this.best(node);
    if (!s) throw new StreamError(StreamCode.LINK_LOST, `node "${node}" is not online`);
    return s.open(kind, params);
  }

  /** Runs a command in a pod of a node. Resolves once the edge started it; rejects with a StreamError if refused. */
  async exec(node: string, req: ExecRequest): Promise<ExecSession> {
    const { user = 'api', ...params } = req;
    const stream = this.open(node, 'exec', params);
    const started = Date.now();
    const audit = { audit: 'exec', user, node, pod: req.pod, command: req.command, tty: !!req.tty, stream: stream.id };
    const io = streamReadables(stream);
    const stdin = req.stdin ? streamWritable(stream) : null;
    if (!req.stdin) stream.end();
    const exit = new Promise<ExitStatus>((resolve, reject) => {
      stream.once('close', (err) => {
        const end = Date.now();
        const status = stream.exitStatus;
        this.log.info({
          ...audit, start: new Date(started).toISOString(), end: new Date(end).toISOString(), durationMs: end - started,
          exitCode: status?.code ?? null, signal: status?.signal, error: err?.message,
        }, 'exec ended');
        if (status) resolve(status);
        else reject(err ?? new StreamError(StreamCode.INTERNAL, 'stream closed without an exit status'));
      });
    });
    exit.catch(() => {}); // the caller may only care about the output
    await accepted(stream);
    this.log.info({ ...audit, start: new Date(started).toISOString() }, 'exec started');
    return {
      stdin, stdout: io.stdout, stderr: io.stderr, exit,
      resize: (cols, rows) => stream.resize(cols, rows),
      cancel: () => stream.reset(StreamCode.CANCEL, 'cancelled'),
    };
  }

  /** Reads (and follows) a pod's log. */
  async logs(node: string, req: LogsRequest): Promise<LogsSession> {
    const stream = this.open(node, 'logs', { ...req });
    stream.end(); // nothing to send
    const { stdout } = streamReadables(stream);
    const done = closed(stream);
    await accepted(stream);
    return { stream: stdout, done, cancel: () => stream.reset(StreamCode.CANCEL, 'cancelled') };
  }

  /** A TCP connection to a declared port of a pod, as a Duplex, once the edge connected it (rejects if refused). */
  async portForward(node: string, req: PortForwardRequest): Promise<Duplex> {
    const d = this.connect(node, req);
    const early = (): void => {}; // a refusal rejects below; the Duplex's own error event has no reader yet
    d.on('error', early);
    await new Promise<void>((resolve, reject) => {
      const ok = (): void => { d.off('close', refused); resolve(); };
      const refused = (): void => { d.off('connect', ok); reject(d.errored ?? new StreamError(StreamCode.INTERNAL, 'stream closed before it was accepted')); };
      d.once('connect', ok);
      d.once('close', refused);
    }).finally(() => d.off('error', early));
    return d;
  }

  /**
   * The optimistic open, as net.connect: the Duplex comes back at once and
   * bytes written to it go out right behind the StreamOpen (within the initial
   * window), so the first byte back costs one round trip, not two. It emits
   * 'connect' when the edge accepted; a refusal destroys it with the
   * StreamError (code NOT_FOUND, FORBIDDEN...) and the bytes sent are dropped.
   * Throws StreamError at once when the node is offline or a limit is reached.
   */
  connect(node: string, req: PortForwardRequest): Duplex {
    const stream = this.open(node, 'port-forward', { pod: req.pod, port: req.port });
    const d = streamDuplex(stream);
    stream.once('ok', () => d.emit('connect'));
    return d;
  }

  counts(): TunnelCounts {
    const stats = { ...this.totals };
    for (const s of this.sessions.values()) for (const k of Object.keys(stats) as Array<keyof SessionStats>) stats[k] += s.stats[k];
    let sessions = 0; // one per path streams may ride, whether or not its state was made yet
    for (const paths of this.paths.values()) sessions += paths.length;
    return { sessions, streams: this.budget.used, stats };
  }

  /** The hub is closing: every stream resets. */
  close(): void {
    for (const s of this.sessions.values()) s.shutdown('cloud hub shutting down');
    for (const node of [...this.paths.keys()]) this.detach(node);
  }
}

/** Resolves on StreamOk; rejects with the StreamFail (or loss) error. */
export function accepted(stream: Stream): Promise<void> {
  if (stream.state === 'open') return Promise.resolve();
  if (stream.closed) return stream.error ? Promise.reject(stream.error) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const ok = (): void => { stream.off('close', bad); resolve(); };
    const bad = (err: StreamError | null): void => { stream.off('ok', ok); if (err) reject(err); else resolve(); };
    stream.once('ok', ok);
    stream.once('close', bad);
  });
}

/** Resolves when the stream ends normally; rejects with its error. */
export function closed(stream: Stream): Promise<void> {
  const p = new Promise<void>((resolve, reject) => {
    if (stream.closed) return stream.error ? reject(stream.error) : resolve();
    stream.once('close', (err) => (err ? reject(err) : resolve()));
  });
  p.catch(() => {});
  return p;
}
