/**
 * A user-space delay line: a TCP proxy that holds every chunk for `delayMs`
 * in each direction before forwarding it, in order, so a round trip over it
 * gains 2 x delayMs. The link's loss is applied on the hop behind it (the
 * system's own port).
 *
 * What it cannot do: TCP sees the delay as the application's, not the
 * network's, so its retransmission timers stay loopback-sized and a lost
 * packet is recovered faster than on a real long link. The kernel here has
 * no netem; this is the honest approximation, and the report says so.
 */
import net from 'node:net';

/** Per direction, most bytes held before the sender is paused. */
const MAX_HELD_BYTES = 8 << 20;

export class DelayLine {
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  private constructor(private readonly server: net.Server) {}

  static async start(targetPort: number, delayMs: number, host = '127.0.0.1'): Promise<DelayLine> {
    const line: DelayLine = new DelayLine(net.createServer((client) => line.accept(client, targetPort, host, delayMs)));
    await new Promise<void>((resolve) => line.server.listen(0, host, resolve));
    line.port = (line.server.address() as net.AddressInfo).port;
    return line;
  }

  private accept(client: net.Socket, targetPort: number, host: string, delayMs: number): void {
    const server = net.connect(targetPort, host);
    client.setNoDelay(true);
    server.setNoDelay(true);
    for (const s of [client, server]) {
      this.sockets.add(s);
      s.on('close', () => { this.sockets.delete(s); client.destroy(); server.destroy(); });
      s.on('error', () => { client.destroy(); server.destroy(); });
    }
    delay(client, server, delayMs);
    delay(server, client, delayMs);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Forwards from -> to, each chunk `delayMs` after it arrived, in arrival order. */
function delay(from: net.Socket, to: net.Socket, delayMs: number): void {
  const queue: Array<{ due: number; chunk: Buffer }> = [];
  let held = 0;
  let timer: NodeJS.Timeout | null = null;
  const pump = (): void => {
    timer = null;
    const now = performance.now();
    while (queue.length && queue[0]!.due <= now) {
      const { chunk } = queue.shift()!;
      held -= chunk.length;
      to.write(chunk);
    }
    if (held < MAX_HELD_BYTES / 2 && from.isPaused()) from.resume();
    if (queue.length) timer = setTimeout(pump, Math.max(0, queue[0]!.due - now));
  };
  from.on('data', (chunk: Buffer) => {
    queue.push({ due: performance.now() + delayMs, chunk });
    held += chunk.length;
    if (held > MAX_HELD_BYTES) from.pause();
    timer ??= setTimeout(pump, delayMs);
  });
  from.on('end', () => {
    const finish = (): void => { if (queue.length) setTimeout(finish, delayMs); else to.end(); };
    finish();
  });
}
