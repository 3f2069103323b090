/**
 * Port-forward end to end over real sockets: the optimistic open
 * (`hub.tunnel.connect`), refusals, half-close in each direction, a large
 * transfer from the edge's target with a reader that pauses (the target's
 * socket is paused, nothing is lost), and no stream left behind.
 */
import t from 'tap';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo, Server } from 'node:net';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { collect, listen } from './helpers/tcp-targets.js';
import { StreamCode, StreamError } from '../tunnel/index.js';
import type { CloudHub, EdgeHub } from '../index.js';

const BIG = randomBytes(8 << 20);
const BIG_SHA = createHash('sha256').update(BIG).digest('hex');

const port = (s: Server): number => (s.address() as AddressInfo).port;

interface Fixture { hub: CloudHub; edge: EdgeHub; closedPort: number }

async function fixture(t: { teardown(fn: () => unknown): void }): Promise<Fixture> {
  const servers = [
    await listen((s) => s.pipe(s)), // 80: echo
    await listen((s) => { // 81: counts what it reads until the client's FIN, then answers and ends
      let n = 0;
      s.on('data', (b: Buffer) => { n += b.length; });
      s.on('end', () => s.end(`read ${n}`));
    }),
    await listen((s) => { s.on('error', () => {}); s.end(BIG); }), // 82: sends BIG and ends its side at once, still reading
    await listen((s) => { s.once('data', () => { s.write('bye'); s.resetAndDestroy(); }); }), // 83: an abrupt close (RST) once asked
  ];
  const gone = await listen(() => {});
  const closedPort = port(gone);
  await new Promise((r) => gone.close(r));
  const hub = await startHub();
  const ports = Object.fromEntries(servers.map((s, i) => [80 + i, port(s)]));
  const edge = await startEdge(hub, 'edge-1', { tunnel: { pods: { web: { ports: { ...ports, 90: closedPort } } } } });
  t.teardown(async () => { await edge.close(); await hub.close(); for (const s of servers) s.close(); });
  await edge.waitOnline();
  await until(() => hub.tunnel.pod('default', 'web') !== undefined && hub.tunnel.online('edge-1'), 'pod reported');
  return { hub, edge, closedPort };
}

t.test('connect() is optimistic: bytes written before the edge accepted arrive, and connect follows', async (t) => {
  const { hub } = await fixture(t);
  const d = hub.tunnel.connect('edge-1', { pod: 'web', port: 80 });
  let connected = false;
  d.once('connect', () => { connected = true; });
  d.write('sent before the accept; ');
  d.end('and after');
  t.equal((await collect(d)).toString(), 'sent before the accept; and after');
  t.ok(connected, "'connect' came when the edge accepted");
});

t.test('a refused connect() destroys the Duplex with the StreamError; portForward rejects with it', async (t) => {
  const { hub, closedPort } = await fixture(t);
  const forbidden = hub.tunnel.connect('edge-1', { pod: 'web', port: 99 });
  forbidden.write('dropped');
  const err = await new Promise<Error>((resolve) => forbidden.once('error', resolve));
  t.ok(err instanceof StreamError);
  t.match(err, { code: StreamCode.FORBIDDEN, message: /port 99 is not declared/ });
  await t.rejects(hub.tunnel.portForward('edge-1', { pod: 'web', port: 90 }), { code: StreamCode.NOT_FOUND, message: new RegExp(`127.0.0.1:${closedPort}`) });
  t.throws(() => hub.tunnel.connect('nobody', { pod: 'web', port: 80 }), { code: StreamCode.LINK_LOST });
});

t.test("half-close: the cloud's FIN reaches the target, which answers after it", async (t) => {
  const { hub } = await fixture(t);
  const d = await hub.tunnel.portForward('edge-1', { pod: 'web', port: 81 });
  const back = collect(d);
  for (let i = 0; i < 16; i++) d.write(BIG.subarray(i << 16, (i + 1) << 16));
  d.end();
  t.equal((await back).toString(), `read ${16 << 16}`);
});

t.test("half-close the other way: the target's FIN ends the cloud's reading while it still writes; a paused reader loses nothing", async (t) => {
  const { hub, edge } = await fixture(t);
  const d = hub.tunnel.connect('edge-1', { pod: 'web', port: 82 });
  d.pause();
  await new Promise((r) => setTimeout(r, 200)); // the window fills; the edge pauses the target's socket
  const stream = edge.tunnel.findStream(1);
  t.ok(stream && stream.queuedBytes <= 2 * stream.maxDataFrameBytes + 256 * 1024, 'the edge holds at most its write buffer for the stalled reader');
  const got = collect(d);
  d.resume();
  const body = await got;
  t.equal(body.length, BIG.length);
  t.equal(createHash('sha256').update(body).digest('hex'), BIG_SHA, '8 MiB whole and in order');
  t.ok(d.writable, 'the cloud side may still write after the FIN it received');
  d.end();
  await until(() => hub.tunnel.counts().streams === 0 && edge.tunnel.counts().streams === 0, 'the stream to close on both sides');
});

t.test('a write into a target that reset its connection resets the stream; nothing is left open after many short connections', async (t) => {
  const { hub, edge } = await fixture(t);
  const d = hub.tunnel.connect('edge-1', { pod: 'web', port: 83 });
  d.write('?');
  t.equal((await collect(d)).toString(), 'bye', "the target's bytes, then its end");
  const err = new Promise<Error>((resolve) => d.once('error', resolve));
  d.write('into a reset connection');
  t.match(await err, { code: StreamCode.INTERNAL, message: /socket error: write ECONNRESET|EPIPE/ }, 'the failed write resets the stream');
  for (let i = 0; i < 200; i++) {
    const e = hub.tunnel.connect('edge-1', { pod: 'web', port: 80 });
    e.end(`${i}`);
    t.equal((await collect(e)).toString(), `${i}`);
  }
  await until(() => hub.tunnel.counts().streams === 0 && edge.tunnel.counts().streams === 0, 'every stream closed on both sides');
  t.pass('no stream left');
});
