/**
 * The admin HTTP API (JSON over HTTP/1.1, bearer admin token): what the CLI's
 * send, nodes and token commands talk to. Listens on its own address,
 * loopback by default, apart from the port edges reach.
 */
import { timingSafeEqual } from 'node:crypto';
import uWS from 'uWebSockets.js';
import { InvalidMessageError, IsthmusError, type SendInput } from '../link/index.js';
import type { CloudHub } from './cloud-hub.js';
import { parseDuration } from './token.js';

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_WAIT_MS = 60_000;

class HttpError extends Error {
  constructor(readonly status: string, message: string) {
    super(message);
  }
}

/** Body of POST /v1/nodes/:node/messages: SendInput with the payload as JSON or base64. */
export interface MessageBody extends Omit<SendInput, 'payload'> {
  json?: unknown;
  base64?: string;
}

type Reply = (status: string, body: unknown) => void;

export class AdminApi {
  private listenSocket: uWS.us_listen_socket | null = null;
  url = '';

  private constructor(private readonly hub: CloudHub) {}

  /** tls: uWS.SSLApp options (the hub's certificate), or null for plain http in the insecure dev mode. */
  static async start(hub: CloudHub, host: string, port: number, tls: uWS.AppOptions | null = null): Promise<AdminApi> {
    const api = new AdminApi(hub);
    await api.listen(host, port, tls);
    return api;
  }

  close(): void {
    if (this.listenSocket) uWS.us_listen_socket_close(this.listenSocket);
    this.listenSocket = null;
  }

  private listen(host: string, port: number, tls: uWS.AppOptions | null): Promise<void> {
    const app = tls ? uWS.SSLApp(tls) : uWS.App();
    app.get('/healthz', (res) => { res.end('ok\n'); });
    app.get('/readyz', (res) => { res.writeStatus(this.hub.accepting ? '200 OK' : '503 Service Unavailable').end(this.hub.accepting ? 'ready\n' : 'closing\n'); });
    app.get('/v1/nodes', (res, req) => this.handle(res, req, null, (reply) => reply('200 OK', this.hub.nodes())));
    app.get('/v1/nodes/:node', (res, req) => {
      const node = req.getParameter(0) ?? '';
      this.handle(res, req, null, (reply) => {
        const info = this.hub.node(node);
        if (!info) throw new HttpError('404 Not Found', `node "${node}" has never connected nor been sent anything`);
        reply('200 OK', info);
      });
    });
    app.post('/v1/nodes/:node/messages', (res, req) => {
      const node = req.getParameter(0) ?? '';
      const wait = Math.min(MAX_WAIT_MS, Number(new URLSearchParams(req.getQuery() ?? '').get('wait') ?? 0) || 0);
      this.handle(res, req, 'body', (reply, body) => this.send(node, body as MessageBody, wait, reply));
    });
    app.post('/v1/tokens', (res, req) => this.handle(res, req, 'body', (reply, body) => {
      const { node, ttl } = (body ?? {}) as { node?: string; ttl?: string | number };
      const ttlMs = typeof ttl === 'number' ? ttl : parseDuration(ttl ?? '30d');
      const token = this.hub.mintToken(String(node ?? ''), ttlMs);
      reply('200 OK', { node, token, expiresAt: new Date(Date.now() + ttlMs).toISOString() });
    }));
    app.any('/*', (res) => { res.writeStatus('404 Not Found').writeHeader('content-type', 'application/json').end('{"error":"no such route"}'); });
    return new Promise((resolve, reject) => {
      app.listen(host, port, (ls) => {
        if (!ls) return reject(new Error(`admin API cannot listen on ${host}:${port} (port in use, or address not local)`));
        this.listenSocket = ls;
        this.url = `${tls ? 'https' : 'http'}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${uWS.us_socket_local_port(ls)}`;
        resolve();
      });
    });
  }

  private async send(node: string, body: MessageBody, waitMs: number, reply: Reply): Promise<void> {
    if (!body || typeof body !== 'object') throw new HttpError('400 Bad Request', 'body must be a JSON object');
    const { json, base64, ...rest } = body;
    const input: SendInput = { ...rest };
    if (base64 !== undefined) input.payload = Buffer.from(base64, 'base64');
    else if (json !== undefined) input.payload = json;
    const receipt = await this.hub.send(node, input);
    this.hub.log.debug({ node, id: receipt.id, lane: receipt.lane, seq: receipt.seq, traceId: input.traceId || undefined }, 'admin API: message accepted');
    const online = this.hub.node(node)?.online ?? false;
    const base = { node, id: receipt.id, lane: receipt.lane, seq: receipt.seq };
    if (!online || waitMs <= 0) return reply('202 Accepted', { ...base, status: receipt.seq ? 'queued' : 'dropped', online });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((r) => { timer = setTimeout(() => r(null), waitMs); });
    const delivery = await Promise.race([receipt.delivered, timeout]);
    clearTimeout(timer);
    if (!delivery) return reply('202 Accepted', { ...base, status: 'queued', online: this.hub.node(node)?.online ?? false });
    reply('200 OK', { ...base, ...delivery });
  }

  private authorized(req: uWS.HttpRequest): boolean {
    const auth = req.getHeader('authorization');
    const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7).trim() : '');
    const want = Buffer.from(this.hub.adminToken);
    return given.length === want.length && timingSafeEqual(given, want);
  }

  /** Common path: auth, body, JSON replies corked, errors mapped to statuses. */
  private handle(res: uWS.HttpResponse, req: uWS.HttpRequest, body: 'body' | null, run: (reply: Reply, body?: unknown) => void | Promise<void>): void {
    let aborted = false;
    res.onAborted(() => { aborted = true; });
    const reply: Reply = (status, payload) => {
      if (aborted) return;
      aborted = true;
      res.cork(() => res.writeStatus(status).writeHeader('content-type', 'application/json').end(JSON.stringify(payload) + '\n'));
    };
    const fail = (err: unknown): void => {
      if (err instanceof HttpError) return reply(err.status, { error: err.message });
      if (err instanceof InvalidMessageError || err instanceof TypeError) return reply('400 Bad Request', { error: (err as Error).message });
      if (err instanceof IsthmusError) return reply(err.code === 'QUEUE_FULL' ? '429 Too Many Requests' : '503 Service Unavailable', { error: err.message, code: err.code });
      this.hub.log.error({ err }, 'admin API request failed');
      reply('500 Internal Server Error', { error: 'internal error' });
    };
    if (!this.authorized(req)) return reply('401 Unauthorized', { error: 'admin token required: Authorization: Bearer <data/admin-token>' });
    const go = (parsed?: unknown): void => {
      try {
        const r = run(reply, parsed);
        if (r instanceof Promise) r.catch(fail);
      } catch (err) { fail(err); }
    };
    if (!body) return go();
    const declared = Number(req.getHeader('content-length') || 0);
    if (declared > MAX_BODY_BYTES) return reply('413 Content Too Large', { error: `body over ${MAX_BODY_BYTES} bytes` });
    const chunks: Buffer[] = [];
    let size = 0;
    res.onData((chunk, last) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) return reply('413 Content Too Large', { error: `body over ${MAX_BODY_BYTES} bytes` });
      chunks.push(Buffer.copyBytesFrom(new Uint8Array(chunk)));
      if (!last || aborted) return;
      let parsed: unknown;
      try {
        parsed = size ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch (err) {
        return reply('400 Bad Request', { error: `body is not JSON: ${(err as Error).message}` });
      }
      go(parsed);
    });
  }
}
