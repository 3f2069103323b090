/**
 * The raw floor's server: a bare uWebSockets.js WebSocket server with no
 * Isthmus in it, configured like the cloud hub's (no compression, no idle
 * timeout, the same backpressure limits), so that the difference measured is
 * what Isthmus adds: protobuf frames, outboxes, lanes, acks.
 */
import uWS from 'uWebSockets.js';

export type RawSocket = uWS.WebSocket<Record<string, never>>;

export interface RawHandlers {
  open?: (ws: RawSocket) => void;
  message?: (ws: RawSocket, data: ArrayBuffer) => void;
  /** The socket's send buffer went down: send more. */
  drain?: (ws: RawSocket) => void;
}

/** Where senders stop and wait for drain, bytes: the link's default highWaterBytes. */
export const HIGH_WATER_BYTES = 256 * 1024;

export class RawServer {
  readonly sockets = new Set<RawSocket>();
  url = '';
  private listenSocket: uWS.us_listen_socket | null = null;

  static start(h: RawHandlers): Promise<RawServer> {
    const server = new RawServer();
    const sockets = server.sockets;
    const app = uWS.App().ws<Record<string, never>>('/*', {
      compression: uWS.DISABLED,
      maxPayloadLength: 4 * 1024 * 1024,
      idleTimeout: 0,
      sendPingsAutomatically: false,
      maxBackpressure: 64 << 20,
      closeOnBackpressureLimit: 0,
      open: (ws) => { sockets.add(ws); h.open?.(ws); },
      message: (ws, data) => h.message?.(ws, data),
      drain: (ws) => h.drain?.(ws),
      close: (ws) => { sockets.delete(ws); },
    });
    return new Promise((resolve, reject) => {
      app.listen('127.0.0.1', 0, (ls) => {
        if (!ls) return reject(new Error('raw floor server: cannot listen on 127.0.0.1'));
        server.listenSocket = ls;
        server.url = `ws://127.0.0.1:${uWS.us_socket_local_port(ls)}/`;
        resolve(server);
      });
    });
  }

  close(): void {
    if (this.listenSocket) uWS.us_listen_socket_close(this.listenSocket);
    this.listenSocket = null;
    for (const ws of [...this.sockets]) ws.close();
    this.sockets.clear();
  }
}
