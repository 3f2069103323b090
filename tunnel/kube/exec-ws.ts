/**
 * `pods/{pod}/exec` over WebSocket, the Kubernetes remotecommand channel
 * protocol (v5.channel.k8s.io, v4.channel.k8s.io): every binary message
 * starts with its channel byte — 0 stdin, 1 stdout, 2 stderr, 3 error (one
 * metav1.Status at the end, carrying the exit code), 4 resize (JSON
 * {Width, Height}), 255 close (v5: [255, 0] half-closes stdin). Output waits
 * while the client's socket is backed up, and stdin pauses the socket while
 * the stream's queue is full, so neither direction buffers without bound.
 * A client that goes away kills the command.
 */
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { CloudTunnel, ExecRequest, ExecSession } from '../cloud-tunnel.js';
import { execStatus } from './objects.js';

const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;

export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

export function bridgeExec(ws: WebSocket, protocol: string, tunnel: CloudTunnel, node: string, req: ExecRequest, log: Logger): void {
  let session: ExecSession | null = null;
  let gone = false;
  const early: Buffer[] = [];
  const frame = (channel: number, data: Buffer | string): Buffer => {
    const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const out = Buffer.allocUnsafe(body.length + 1);
    out[0] = channel;
    body.copy(out, 1);
    return out;
  };
  const paused: Array<{ pause(): void; resume(): void }> = [];
  let waiting = false;
  const sent = (): void => {
    if (waiting && ws.bufferedAmount < LOW_WATER) {
      waiting = false;
      for (const r of paused) r.resume();
    }
  };
  const send = (channel: number, data: Buffer | string): void => {
    if (gone || ws.readyState !== ws.OPEN) return;
    ws.send(frame(channel, data), { binary: true }, sent);
  };
  const input = (msg: Buffer): void => {
    if (!session || msg.length === 0) return;
    const channel = msg[0]!;
    const body = msg.subarray(1);
    if (channel === 0 && session.stdin && !session.stdin.writableEnded) {
      if (!session.stdin.write(Buffer.from(body))) {
        ws.pause();
        session.stdin.once('drain', () => ws.resume());
      }
    } else if (channel === 4) {
      try {
        const { Width, Height } = JSON.parse(body.toString('utf8')) as { Width?: number; Height?: number };
        if (Width && Height) session.resize(Width, Height);
      } catch { /* a bad resize message is ignored, as the kubelet does */ }
    } else if (channel === 255 && protocol.startsWith('v5') && body[0] === 0) {
      session.stdin?.end();
    }
  };
  ws.on('message', (data: Buffer) => { if (session) input(data); else early.push(data); });
  ws.on('close', () => {
    gone = true;
    session?.cancel(); // a vanished client must not leave the command running
  });
  ws.on('error', () => { /* 'close' follows */ });
  tunnel.exec(node, req).then(async (x) => {
    session = x;
    if (gone) return x.cancel();
    for (const m of early.splice(0)) input(m);
    const pump = (r: NodeJS.ReadableStream & { pause(): void; resume(): void }, channel: number): Promise<void> => new Promise((resolve) => {
      paused.push(r);
      r.on('data', (b: Buffer) => {
        send(channel, b);
        if (ws.bufferedAmount >= HIGH_WATER && !waiting) {
          waiting = true;
          for (const p of paused) p.pause();
        }
      });
      r.on('end', resolve);
      r.on('error', () => resolve());
    });
    await Promise.all([pump(x.stdout, 1), pump(x.stderr, 2)]);
    let code: number | null = null;
    let message: string | undefined;
    try {
      code = (await x.exit).code;
    } catch (err) {
      message = (err as Error).message;
    }
    send(3, JSON.stringify(execStatus(code, message)));
    if (!gone) ws.close(1000);
  }).catch((err: Error) => {
    log.info({ node, pod: req.pod, command: req.command, err: err.message }, 'kube exec refused');
    send(3, JSON.stringify(execStatus(null, err.message)));
    if (!gone) ws.close(1000);
  });
}
