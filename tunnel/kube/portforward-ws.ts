/**
 * `pods/{pod}/portforward` over WebSocket (portforward.k8s.io /
 * v4.channel.k8s.io, as the kubelet serves it): for the i-th port of the
 * `ports` query, channel 2i carries data and 2i+1 errors; the first message
 * on each channel is the port number (uint16, little-endian). One tunnel
 * stream per port. The socket closes when every port's connection ended.
 */
import type { WebSocket } from 'ws';
import type { Duplex } from 'node:stream';
import type { CloudTunnel } from '../cloud-tunnel.js';

export const PORTFORWARD_PROTOCOLS = ['v4.channel.k8s.io', 'portforward.k8s.io'] as const;

const HIGH_WATER = 1024 * 1024;

export function bridgePortForward(ws: WebSocket, tunnel: CloudTunnel, node: string, pod: string, ports: number[]): void {
  const conns: Array<Duplex | null> = ports.map(() => null);
  const early: Buffer[] = [];
  let open = ports.length;
  /** Ports whose stream is up or refused: client bytes wait until all are settled. */
  let settled = 0;
  let gone = false;
  const send = (channel: number, body: Buffer, cb?: () => void): void => {
    if (gone || ws.readyState !== ws.OPEN) return;
    const out = Buffer.allocUnsafe(body.length + 1);
    out[0] = channel;
    body.copy(out, 1);
    ws.send(out, { binary: true }, cb);
  };
  const ended = (): void => { if (--open === 0 && !gone) ws.close(1000); };
  const input = (msg: Buffer): void => {
    const ch = msg[0]!;
    const i = ch >> 1;
    const conn = conns[i];
    if (!conn || ch & 1 || msg.length < 2) return;
    if (!conn.write(msg.subarray(1))) { ws.pause(); conn.once('drain', () => ws.resume()); }
  };
  ws.on('message', (m: Buffer) => { if (settled === ports.length) input(m); else early.push(m); });
  const settle = (): void => { if (++settled === ports.length) for (const m of early.splice(0)) input(m); };
  ws.on('close', () => { gone = true; for (const c of conns) c?.destroy(); });
  ws.on('error', () => {});
  ports.forEach((port, i) => {
    const portBytes = Buffer.of(port & 0xff, port >> 8);
    send(2 * i, portBytes);
    send(2 * i + 1, portBytes);
    tunnel.portForward(node, { pod, port }).then((conn) => {
      conns[i] = conn;
      if (gone) return conn.destroy();
      conn.on('data', (b: Buffer) => {
        send(2 * i, b, () => { if (conn.isPaused() && ws.bufferedAmount < HIGH_WATER / 4) conn.resume(); });
        if (ws.bufferedAmount >= HIGH_WATER) conn.pause();
      });
      conn.on('end', () => { conn.end(); });
      conn.on('close', ended);
      conn.on('error', (err) => send(2 * i + 1, Buffer.from(err.message)));
      settle();
    }, (err: Error) => {
      send(2 * i + 1, Buffer.from(err.message));
      conns[i] = null;
      settle();
      ended();
    });
  });
}
