/**
 * The Kubernetes-compatible face of the cloud hub, so that real `kubectl
 * --server URL --token T` works against the pods the edges report: discovery
 * (/version, /api, /apis, /api/v1), GET pods, pods/log (follow, tailLines,
 * sinceSeconds, timestamps, limitBytes, container), pods/exec and
 * pods/portforward over WebSocket, and the kubelet's paths (/containerLogs,
 * /exec, /portForward) so a kube-apiserver could use the hub as a node's
 * kubelet. HTTPS with the hub's own certificate (kubectl sends tokens over
 * TLS only; plain HTTP in the insecure dev mode); every request needs the
 * admin token as its bearer token. Node http + ws rather than uWS here:
 * ws can pause a socket's reads, which stdin backpressure needs.
 */
import { createServer as createHttps, Server as HttpsServer } from 'node:https';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { CloudHub } from '../../cloudhub/cloud-hub.js';
import type { PodRecord } from '../cloud-tunnel.js';
import { StreamCode, StreamError } from '../codes.js';
import { bridgeExec, EXEC_PROTOCOLS } from './exec-ws.js';
import { bridgePortForward, PORTFORWARD_PROTOCOLS } from './portforward-ws.js';
import { apiGroups, apiResources, apiVersions, KUBE_VERSION, podList, podObject, podTable, status } from './objects.js';
import { readFileSync } from 'node:fs';
import type { AppOptions } from 'uWebSockets.js';

class KubeError extends Error {
  constructor(readonly code: number, readonly reason: string, message: string) {
    super(message);
  }
}

/** A request resolved to a pod: its record and what follows the pod in the path. */
interface PodTarget {
  pod: PodRecord;
  sub: string;
  query: URLSearchParams;
}

const POD_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)(?:\/(log|exec|portforward|attach))?$/;
// kubelet: /containerLogs/{ns}/{pod}/{container}, /exec/{ns}/{pod}[/{uid}]/{container}, /portForward/{ns}/{pod}[/{uid}]
const KUBELET_PATH = /^\/(containerLogs|exec|portForward)\/([^/]+)\/([^/]+)(?:\/[^/]+){0,2}$/;

export class KubeApi {
  url = '';
  private server: Server | null = null;
  private readonly wss = new WebSocketServer({
    noServer: true, perMessageDeflate: false, maxPayload: 1024 * 1024,
    // The subprotocol was chosen in upgrade() (v5 before v4 whatever the client's order).
    handleProtocols: (_offered, req) => (req as IncomingMessage & { chosenProtocol?: string }).chosenProtocol ?? false,
  });

  private constructor(private readonly hub: CloudHub) {}

  /** tls: the hub's certificate as uWS options (files), or null for plain HTTP in the insecure dev mode. */
  static async start(hub: CloudHub, host: string, port: number, tls: AppOptions | null): Promise<KubeApi> {
    const api = new KubeApi(hub);
    const handler = (req: IncomingMessage, res: ServerResponse): void => api.request(req, res);
    if (!tls?.cert_file_name || !tls.key_file_name) {
      api.server = createHttp(handler);
    } else {
      api.server = createHttps({
        cert: readFileSync(String(tls.cert_file_name)), key: readFileSync(String(tls.key_file_name)),
        ...(tls.passphrase ? { passphrase: String(tls.passphrase) } : {}),
      }, handler);
    }
    api.server.on('upgrade', (req: IncomingMessage, sock: Duplex, head: Buffer) => api.upgrade(req, sock, head));
    await new Promise<void>((resolve, reject) => {
      api.server!.once('error', (err) => reject(new Error(`kube API cannot listen on ${host}:${port}: ${err.message}`)));
      api.server!.listen(port, host, () => resolve());
    });
    const addr = api.server.address() as { port: number };
    const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    api.url = `${api.server instanceof HttpsServer ? 'https' : 'http'}://${h}:${addr.port}`;
    return api;
  }

  close(): void {
    for (const c of this.wss.clients) c.terminate();
    this.server?.closeAllConnections?.();
    this.server?.close();
    this.server = null;
  }

  private authorized(req: IncomingMessage): boolean {
    const auth = req.headers.authorization ?? '';
    const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7).trim() : '');
    const want = Buffer.from(this.hub.adminToken);
    return given.length === want.length && timingSafeEqual(given, want);
  }

  private reply(res: ServerResponse, code: number, body: unknown): void {
    if (res.headersSent) return void res.end();
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private request(req: IncomingMessage, res: ServerResponse): void {
    try {
      if (!this.authorized(req)) throw new KubeError(401, 'Unauthorized', 'a bearer token is required: the hub\'s admin token');
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname.replace(/\/+$/, '') || '/';
      if (req.method !== 'GET') throw new KubeError(405, 'MethodNotAllowed', `${req.method} ${path} is not supported (exec and portforward are WebSocket upgrades)`);
      switch (path) {
        case '/version': return this.reply(res, 200, KUBE_VERSION);
        case '/api': return this.reply(res, 200, apiVersions);
        case '/apis': return this.reply(res, 200, apiGroups);
        case '/api/v1': return this.reply(res, 200, apiResources);
        case '/api/v1/pods': return this.pods(req, res, this.hub.tunnel.pods());
        default: break;
      }
      const list = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(path);
      if (list) return this.pods(req, res, this.hub.tunnel.pods(decodeURIComponent(list[1]!)));
      const t = this.target(path, url.searchParams);
      if (t.sub === '') return this.pods(req, res, [t.pod], true);
      if (t.sub === 'log') return this.logs(t, req, res);
      throw new KubeError(400, 'BadRequest', `${t.sub} needs a WebSocket upgrade (${t.sub === 'exec' ? EXEC_PROTOCOLS.join(', ') : PORTFORWARD_PROTOCOLS.join(', ')})`);
    } catch (err) {
      this.fail(res, err);
    }
  }

  private fail(res: ServerResponse, err: unknown): void {
    if (err instanceof KubeError) return this.reply(res, err.code, status(err.code, err.reason, err.message));
    if (err instanceof StreamError) {
      const code = err.code === StreamCode.NOT_FOUND ? 404 : err.code === StreamCode.FORBIDDEN ? 403 : err.code === StreamCode.BAD_PARAMS ? 400
        : err.code === StreamCode.LIMIT ? 429 : 503;
      return this.reply(res, code, status(code, code === 503 ? 'ServiceUnavailable' : 'BadRequest', err.message));
    }
    this.hub.log.error({ err }, 'kube API request failed');
    this.reply(res, 500, status(500, 'InternalError', 'internal error'));
  }

  /** Pods as JSON, or as a Table when kubectl asks for server-side printing. */
  private pods(req: IncomingMessage, res: ServerResponse, records: PodRecord[], one = false): void {
    const objects = records.map((p) => this.podObject(p));
    if (/as=Table/.test(req.headers.accept ?? '')) return this.reply(res, 200, podTable(objects));
    this.reply(res, 200, one ? objects[0] : podList(objects));
  }

  private podObject(p: PodRecord): Record<string, unknown> {
    return podObject(p, this.hub.tunnel.online(p.node));
  }

  /** Finds the pod a path names (API or kubelet style), checking the container. */
  private target(path: string, query: URLSearchParams): PodTarget {
    let ns: string, name: string, sub: string;
    const api = POD_PATH.exec(path);
    const kubelet = api ? null : KUBELET_PATH.exec(path);
    if (api) {
      [ns, name, sub] = [decodeURIComponent(api[1]!), decodeURIComponent(api[2]!), api[3] ?? ''];
    } else if (kubelet) {
      [ns, name] = [decodeURIComponent(kubelet[2]!), decodeURIComponent(kubelet[3]!)];
      sub = kubelet[1] === 'containerLogs' ? 'log' : kubelet[1] === 'exec' ? 'exec' : 'portforward';
      if (sub !== 'portforward') {
        const container = path.split('/').pop()!;
        if (!query.has('container')) query.set('container', decodeURIComponent(container));
      }
    } else {
      throw new KubeError(404, 'NotFound', `the server could not find the requested resource (${path})`);
    }
    if (sub === 'attach') throw new KubeError(400, 'BadRequest', 'attach is not supported: use exec');
    const pod = this.hub.tunnel.pod(ns, name);
    if (!pod) throw new KubeError(404, 'NotFound', `pods "${name}" not found`);
    // isthmus CLI: `exec NODE POD` names the node; refuse a pod that lives elsewhere rather than surprise.
    const node = query.get('node');
    if (node && node !== pod.node) throw new KubeError(404, 'NotFound', `pod "${name}" is on node "${pod.node}", not "${node}"`);
    const container = query.get('container');
    if (container && container !== pod.name) throw new KubeError(400, 'BadRequest', `container ${container} is not valid for pod ${name}`);
    return { pod, sub, query };
  }

  private logs(t: PodTarget, req: IncomingMessage, res: ServerResponse): void {
    const q = t.query;
    const int = (k: string): number | undefined => {
      const v = q.get(k);
      if (v === null || v === '') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new KubeError(400, 'BadRequest', `${k} must be a non-negative integer, got "${v}"`);
      return n;
    };
    const flag = (k: string): boolean => q.get(k) === 'true' || q.get(k) === '1';
    if (flag('previous')) throw new KubeError(400, 'BadRequest', 'previous: edge pods keep no previous container logs');
    const request = { pod: t.pod.name, follow: flag('follow'), timestamps: flag('timestamps'), tailLines: int('tailLines'), sinceSeconds: int('sinceSeconds'), limitBytes: int('limitBytes') };
    if (q.get('sinceTime')) throw new KubeError(400, 'BadRequest', 'sinceTime is not supported: use sinceSeconds');
    this.hub.tunnel.logs(t.pod.node, request).then((l) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
      res.flushHeaders();
      l.stream.pipe(res);
      l.done.catch(() => res.end());
      // The client went away (kubectl logs -f interrupted): stop following.
      res.on('close', () => { if (!res.writableFinished) l.cancel(); });
      req.on('close', () => { if (!res.writableFinished) l.cancel(); });
    }, (err) => this.fail(res, err));
  }

  private upgrade(req: IncomingMessage, sock: Duplex, head: Buffer): void {
    const refuse = (code: number, message: string): void => {
      const body = JSON.stringify(status(code, code === 401 ? 'Unauthorized' : 'BadRequest', message));
      sock.end(`HTTP/1.1 ${code} ${code === 401 ? 'Unauthorized' : code === 404 ? 'Not Found' : 'Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    };
    sock.on('error', () => {});
    if (!this.authorized(req)) return refuse(401, 'a bearer token is required: the hub\'s admin token');
    const url = new URL(req.url ?? '/', 'http://x');
    let t: PodTarget;
    try {
      t = this.target(url.pathname, url.searchParams);
    } catch (err) {
      return refuse((err as KubeError).code ?? 400, (err as Error).message);
    }
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
    const supported: readonly string[] = t.sub === 'exec' ? EXEC_PROTOCOLS : t.sub === 'portforward' ? PORTFORWARD_PROTOCOLS : [];
    const protocol = supported.find((p) => offered.includes(p));
    if (!protocol) return refuse(400, `${t.sub} over WebSocket needs one of the subprotocols ${supported.join(', ')}; offered: ${offered.join(', ') || 'none'}`);
    (req as IncomingMessage & { chosenProtocol?: string }).chosenProtocol = protocol;
    const q = t.query;
    if (t.sub === 'exec') {
      const command = q.getAll('command');
      if (command.length === 0) return refuse(400, 'command is required');
      const tty = q.get('tty') === 'true' || q.get('tty') === '1';
      const stdin = q.get('stdin') === 'true' || q.get('stdin') === '1';
      this.wss.handleUpgrade(req, sock, head, (ws) => {
        bridgeExec(ws, protocol, this.hub.tunnel, t.pod.node, { pod: t.pod.name, command, tty, stdin, user: 'admin-token' }, this.hub.log);
      });
      return;
    }
    const ports = q.getAll('ports').flatMap((p) => p.split(',')).map(Number);
    if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) return refuse(400, 'ports must list port numbers');
    this.wss.handleUpgrade(req, sock, head, (ws) => bridgePortForward(ws, this.hub.tunnel, t.pod.node, t.pod.name, ports));
  }
}
