/** Plain TCP ends for tunnel tests: a half-open-capable target server, and reading a Duplex to its end. */
import { createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** A TCP server on 127.0.0.1 (ephemeral port) that keeps a half-closed connection open. */
export async function listen(onConn: (s: Socket) => void): Promise<Server> {
  const server = createServer({ allowHalfOpen: true }, onConn);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

/** Everything the Duplex yields until its end; rejects on its error. */
export function collect(d: Duplex): Promise<Buffer> {
  const parts: Buffer[] = [];
  return new Promise((resolve, reject) => {
    d.on('data', (b: Buffer) => parts.push(b));
    d.on('end', () => resolve(Buffer.concat(parts)));
    d.on('error', reject);
  });
}
