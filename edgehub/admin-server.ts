/**
 * The edge hub's local HTTP listener (node:http; the edge has no uWS):
 * GET /metrics, /healthz, /readyz, for Prometheus and a supervisor on the same
 * machine. Loopback by default (127.0.0.1:10002 from the CLI). No credentials:
 * the figures are the edge's own aggregates, and nothing here changes state.
 *
 * /readyz is 200 while the hub runs, online or not: an edge hub works offline
 * by design (it queues), so a probe tied to the cloud link would restart it on
 * every WAN outage. The body says whether the link is up; `isthmus_cloud_connected`
 * is the figure to alert on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LinkMetrics } from '../link/index.js';

export interface EdgeAdminState {
  metrics: LinkMetrics;
  online(): boolean;
  running(): boolean;
}

export class EdgeAdminServer {
  private constructor(private readonly server: Server, readonly url: string) {}

  static start(state: EdgeAdminState, host: string, port: number): Promise<EdgeAdminServer> {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?', 1)[0];
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end('isthmus: GET only\n');
      } else if (path === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      } else if (path === '/readyz') {
        const up = state.running();
        res.writeHead(up ? 200 : 503, { 'content-type': 'text/plain' }).end(!up ? 'closing\n' : state.online() ? 'ready (online)\n' : 'ready (offline: queuing)\n');
      } else if (path === '/metrics') {
        state.metrics.text().then(
          (text) => res.writeHead(200, { 'content-type': state.metrics.contentType }).end(text),
          (err: Error) => res.writeHead(500).end(`metrics failed: ${err.message}\n`),
        );
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('isthmus: /metrics, /healthz, /readyz\n');
      }
    });
    // A scraper's idle keep-alive connection must not hold close() up.
    server.keepAliveTimeout = 5_000;
    return new Promise((resolve, reject) => {
      server.once('error', (err) => reject(new Error(`edge admin listener cannot listen on ${host}:${port}: ${err.message}`)));
      server.listen(port, host, () => {
        const a = server.address() as AddressInfo;
        const h = a.family === 'IPv6' ? `[${a.address}]` : a.address;
        resolve(new EdgeAdminServer(server, `http://${h === '0.0.0.0' ? '127.0.0.1' : h}:${a.port}`));
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
