/**
 * A bare `ws` client for poking the cloud hub with exactly the bytes a test
 * wants: no Hello unless asked, no reconnect, no validation.
 */
import WebSocket from 'ws';
import { encodeFrame, pb, PROTOCOL_VERSION, type Frame } from '../../proto/index.js';
import type { CloudHub } from '../../index.js';

export interface RawClient {
  /** The HTTP status when the upgrade was refused, else null. */
  status: number | null;
  /** Body of a refused upgrade. */
  body: string;
  ws: WebSocket;
  /** Resolves on close (code 1006 when the socket dropped without a close frame). */
  closed: Promise<{ code: number; reason: string }>;
  /** Frames received, decoded leniently (undecodable ones are skipped). */
  frames: Frame[];
  /** Sends a Hello for `node` and resolves with the Welcome, or rejects if the socket closes first. */
  hello(node: string, epoch?: string): Promise<Frame>;
}

export interface RawOptions {
  /** Bearer token; omitted when undefined. */
  token?: string;
  /** x-isthmus-node header; omitted when undefined. */
  node?: string;
  /** Raw Authorization header, overriding token. */
  authorization?: string;
  timeoutMs?: number;
}

/** Opens a WebSocket to the hub's /v1/link; resolves once upgraded or refused. */
export function rawConnect(hub: CloudHub | string, o: RawOptions = {}): Promise<RawClient> {
  const url = `${typeof hub === 'string' ? hub : hub.url}/v1/link`;
  const headers: Record<string, string> = {};
  if (o.authorization !== undefined) headers.authorization = o.authorization;
  else if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
  if (o.node !== undefined) headers['x-isthmus-node'] = o.node;
  const ws = new WebSocket(url, { headers, perMessageDeflate: false, handshakeTimeout: o.timeoutMs ?? 10_000 });
  const frames: Frame[] = [];
  let closedResolve!: (v: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => { closedResolve = r; });
  ws.on('close', (code, reason) => closedResolve({ code, reason: reason.toString() }));
  ws.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) return;
    try { frames.push(pb.Frame.decode(data)); } catch { /* a test may look at the close instead */ }
  });
  const client: RawClient = {
    status: null, body: '', ws, closed, frames,
    hello(node, epoch = 'raw-epoch') {
      ws.send(encodeFrame({ hello: { version: PROTOCOL_VERSION, node, epoch, maxFrameBytes: 1 << 20 } }));
      return new Promise<Frame>((resolve, reject) => {
        const onMessage = (): void => {
          const w = frames.find((f) => f.body === 'welcome');
          if (w) { ws.off('message', onMessage); resolve(w); }
        };
        ws.on('message', onMessage);
        void closed.then((c) => reject(new Error(`closed before welcome: ${c.code} ${c.reason}`)));
      });
    },
  };
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (req, res) => {
      client.status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (d: string) => { client.body += d; });
      // terminate(), not req.destroy(): only terminate() takes ws out of CONNECTING.
      res.on('end', () => { ws.terminate(); resolve(client); });
      res.on('error', () => resolve(client));
    });
    ws.on('open', () => resolve(client));
    ws.on('error', (err) => { if (client.status === null) reject(err); });
  });
}

/** Resolves with the close, or rejects after timeoutMs (so a test never hangs). */
export function closedWithin(c: RawClient, timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket not closed within ${timeoutMs} ms`)), timeoutMs);
    void c.closed.then((v) => { clearTimeout(timer); resolve(v); });
  });
}
