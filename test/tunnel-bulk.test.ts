/**
 * Bulk port-forward both ways at once over several streams, plain and TLS:
 * the paths that reuse memory (the cloud's shared DATA frame buffer, the
 * edge's recycled read buffers and its in-place masked writes) must never
 * hand a byte of one frame to another. Every stream's bytes are checked
 * with sha256 on the far side.
 */
import t from 'tap';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { collect, listen } from './helpers/tcp-targets.js';
import type { CloudSocket } from '../edgehub/cloud-socket.js';

const STREAMS = 3;
const BYTES = 6 << 20;
const BLOBS = Array.from({ length: STREAMS }, () => randomBytes(BYTES));
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

for (const tls of [false, true]) {
  t.test(`${STREAMS} streams each way at once over ${tls ? 'TLS' : 'plain ws'}: every byte arrives, in order`, async (t) => {
    const servers = [
      // 80: sends the blob named by the first byte it reads, then ends its side.
      await listen((s) => { s.on('error', () => {}); s.once('data', (b: Buffer) => s.end(BLOBS[b[0]!])); }),
      // 81: reads until the client's FIN, answers the sha256 of it all.
      await listen((s) => { const h = createHash('sha256'); s.on('data', (b: Buffer) => h.update(b)); s.on('end', () => s.end(h.digest('hex'))); }),
    ];
    const hub = await startHub(tls ? { tls: {} } : {});
    const ports = Object.fromEntries(servers.map((s, i) => [80 + i, (s.address() as AddressInfo).port]));
    const edge = await startEdge(hub, 'edge-1', { tunnel: { pods: { web: { ports } } } });
    t.teardown(async () => { await edge.close(); await hub.close(); for (const s of servers) s.close(); });
    await edge.waitOnline();
    await until(() => hub.tunnel.pod('default', 'web') !== undefined && hub.tunnel.online('edge-1'), 'pod reported');
    const socket = (edge as unknown as { uplinks: Array<{ transport: CloudSocket | null }> }).uplinks[0]!.transport;
    t.equal(socket?.readsDirect, true, 'the edge reads the cloud\'s messages off the socket itself (edgehub/ws-receive.ts)');

    const down = BLOBS.map(async (blob, i) => {
      const d = hub.tunnel.connect('edge-1', { pod: 'web', port: 80 });
      const body = collect(d);
      d.end(Buffer.of(i));
      return sha(await body) === sha(blob);
    });
    const up = BLOBS.map(async (blob) => {
      const d = hub.tunnel.connect('edge-1', { pod: 'web', port: 81 });
      const answer = collect(d);
      for (let at = 0; at < blob.length; at += 100_000) { // uneven pieces: frames cut across writes
        if (!d.write(blob.subarray(at, at + 100_000))) await new Promise((r) => d.once('drain', r));
      }
      d.end();
      return (await answer).toString() === sha(blob);
    });
    t.same(await Promise.all(down), BLOBS.map(() => true), 'edge -> cloud: every stream whole');
    t.same(await Promise.all(up), BLOBS.map(() => true), 'cloud -> edge: every stream whole');
    await until(() => hub.tunnel.counts().streams === 0 && edge.tunnel.counts().streams === 0, 'the streams to close on both sides');
  });
}
