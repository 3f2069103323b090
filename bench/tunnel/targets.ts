/**
 * The edge-side TCP servers the tunnel benchmark reaches (run as a child
 * process, so they do not share the cloud hub's event loop): sink (reads an
 * 8-byte length, then that many bytes, answers "k"), source (reads an 8-byte
 * length, sends that many bytes), echo, hello (one byte on accept). Prints
 * their ports as one JSON line.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TargetPorts { sink: number; source: number; echo: number; hello: number }

function lengthThen(sock: Socket, then: (n: number, rest: Buffer) => void): void {
  let head = Buffer.alloc(0);
  const onData = (b: Buffer): void => {
    head = Buffer.concat([head, b]);
    if (head.length < 8) return;
    sock.off('data', onData);
    then(Number(head.readBigUInt64BE(0)), head.subarray(8));
  };
  sock.on('data', onData);
}

const BLOCK = Buffer.alloc(256 * 1024, 0x5a);

const servers: Record<keyof TargetPorts, Server> = {
  sink: createServer((sock) => {
    sock.setNoDelay(true);
    lengthThen(sock, (n, rest) => {
      let got = rest.length;
      const done = (): void => { sock.end('k'); };
      if (got >= n) return done();
      sock.on('data', (b: Buffer) => { got += b.length; if (got >= n) done(); });
    });
    sock.on('error', () => {});
  }),
  source: createServer((sock) => {
    sock.setNoDelay(true);
    lengthThen(sock, (n) => {
      let left = n;
      const pump = (): void => {
        while (left > 0) {
          const chunk = left >= BLOCK.length ? BLOCK : BLOCK.subarray(0, left);
          left -= chunk.length;
          if (!sock.write(chunk)) return void sock.once('drain', pump);
        }
        sock.end();
      };
      pump();
    });
    sock.on('error', () => {});
  }),
  echo: createServer((sock) => { sock.setNoDelay(true); sock.pipe(sock); sock.on('error', () => {}); }),
  hello: createServer((sock) => { sock.setNoDelay(true); sock.end('h'); sock.on('error', () => {}); }),
};

const ports: Partial<TargetPorts> = {};
for (const [name, server] of Object.entries(servers)) {
  await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, r)); // 1000 connects at once must not overflow the SYN backlog
  ports[name as keyof TargetPorts] = (server.address() as AddressInfo).port;
}
process.stdout.write(JSON.stringify(ports) + '\n');
process.stdin.resume();
process.stdin.on('end', () => process.exit(0)); // the parent went away
