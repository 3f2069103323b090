/**
 * A TCP proxy on loopback between an edge and the hub, so a test can cut the
 * link the way a network does: destroy the connection from either side, or
 * freeze it (nothing forwarded either way, sockets left open: half-open).
 */
import net from 'node:net';

interface Pair { client: net.Socket; server: net.Socket }

export class CutProxy {
  private readonly pairs = new Set<Pair>();
  private frozen = false;
  private downUntil = 0;
  port = 0;
  cuts = 0;

  private constructor(private readonly server: net.Server) {}

  static async start(targetPort: number): Promise<CutProxy> {
    const proxy: CutProxy = new CutProxy(net.createServer((client) => proxy.accept(client, targetPort)));
    await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', r));
    proxy.port = (proxy.server.address() as net.AddressInfo).port;
    return proxy;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get connections(): number {
    return this.pairs.size;
  }

  private accept(client: net.Socket, targetPort: number): void {
    if (Date.now() < this.downUntil) {
      client.resetAndDestroy();
      return;
    }
    const server = net.connect(targetPort, '127.0.0.1');
    const pair = { client, server };
    this.pairs.add(pair);
    if (this.frozen) { client.pause(); server.pause(); }
    client.pipe(server);
    server.pipe(client);
    const end = (): void => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
  }

  /** Destroys every connection; 'edge' resets the edge's side first, 'hub' the hub's. */
  cut(side: 'edge' | 'hub' = 'edge'): void {
    for (const p of [...this.pairs]) {
      this.cuts++;
      if (side === 'edge') p.client.resetAndDestroy(); else p.server.resetAndDestroy();
    }
  }

  /** Cuts every connection and refuses new ones for ms: the link is down for a while. */
  down(ms: number): void {
    this.downUntil = Date.now() + ms;
    this.cut('edge');
  }

  /** Stops forwarding in both directions without closing anything. */
  freeze(): void {
    this.frozen = true;
    for (const p of this.pairs) { p.client.pause(); p.server.pause(); p.client.unpipe(); p.server.unpipe(); }
  }

  async close(): Promise<void> {
    for (const p of this.pairs) { p.client.destroy(); p.server.destroy(); }
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
