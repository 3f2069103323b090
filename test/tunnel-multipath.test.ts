/**
 * The tunnel over two paths: each socket has its own session; new streams
 * take one path and stay on it (frames of one socket keep their order);
 * cutting a path resets only the streams on it, and the other path's
 * streams finish whole.
 */
import t from 'tap';
import { CloudHub, EdgeHub } from '../index.js';
import { CutProxy } from './helpers/cut-proxy.js';
import { until } from './helpers/hubs.js';
import { closed, StreamCode, streamReadables, type Provider } from '../tunnel/index.js';

const source: Provider = (s) => {
  s.accept();
  s.setReader((_c, b) => s.consumed(b.length));
  let left = Number(s.params.bytes);
  const block = Buffer.alloc(16 * 1024, 7);
  const pump = (): void => {
    while (left > 0) {
      const n = Math.min(left, block.length);
      left -= n;
      if (!s.write(block.subarray(0, n))) return void s.once('drain', pump);
    }
    s.exit({ code: 0 });
  };
  pump();
};

t.test('two paths: a cut path resets its own streams only', async (t) => {
  // Over TLS (the default): uWS dropped a busy path written to from inside its callbacks
  // until the cloud's tunnel deferred those writes (StreamPath.deferInReceive).
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: process.env.TUNNEL_DEBUG ? 'info' : 'silent', tls: {} });
  const proxies = [await CutProxy.start(hub.port), await CutProxy.start(hub.port)];
  const edge = await EdgeHub.start({
    cloud: proxies.map((p) => p.url.replace('ws:', 'wss:')), ca: hub.ca!, node: 'edge-1', token: hub.mintToken('edge-1'), log: process.env.TUNNEL_DEBUG ? 'info' : 'silent',
    backoff: { baseMs: 5, capMs: 50, stableMs: 10_000 }, tunnel: { providers: { source } },
  });
  t.teardown(async () => { await edge.close(); for (const p of proxies) await p.close(); await hub.close(); });
  await until(() => hub.tunnel.counts().sessions === 2 && edge.tunnel.counts().sessions === 2, 'a tunnel session per path on both sides');

  // Per path of the node, the streams of its tunnel session (none until a stream uses the path).
  const sessionsOf = (): Array<{ id: string; streams: Map<number, unknown> }> => {
    const made = new Map([...(hub.tunnel as unknown as { sessions: Map<{ id: string }, { streams: Map<number, unknown> }> }).sessions].map(([p, s]) => [p.id, s.streams]));
    return hub.node('edge-1')!.paths.map((p) => ({ id: p.session, streams: made.get(p.session) ?? new Map() }));
  };
  const proxyOf = (sessionId: string): CutProxy => proxies[hub.node('edge-1')!.paths.find((x) => x.session === sessionId)!.index]!;
  const open = (bytes: number) => {
    const s = hub.tunnel.open('edge-1', 'source', { bytes });
    s.end();
    const { stdout } = streamReadables(s);
    let n = 0;
    stdout.on('data', (b: Buffer) => { n += b.length; });
    stdout.pause(); // slow readers keep the streams open while the paths are cut
    return { s, stdout, got: () => n };
  };

  // 1. Streams ride one path; cutting the other path leaves them alone.
  const first = Array.from({ length: 6 }, () => open(4 * 1024 * 1024));
  await until(() => edge.tunnel.counts().streams === 6, 'all open on the edge');
  const busy = sessionsOf().find((x) => x.streams.size > 0)!;
  t.equal(busy.streams.size, 6, 'new streams take one path (the lowest RTT) and stay on it');
  const idle = sessionsOf().find((x) => x.id !== busy.id)!;
  proxyOf(idle.id).cut();
  await until(() => hub.tunnel.counts().sessions === 2 && !sessionsOf().some((x) => x.id === idle.id), 'the idle path cut and back');
  t.ok(first.every(({ s }) => !s.closed), 'cutting the other path did not touch them');
  for (const x of first) x.stdout.resume();
  await Promise.all(first.map(({ s }) => closed(s)));
  t.ok(first.every((x) => x.got() === 4 * 1024 * 1024), 'and they finish whole');

  // 2. Cutting the path a stream rides resets it (LINK_LOST); new streams take the surviving path.
  const second = Array.from({ length: 4 }, () => open(4 * 1024 * 1024));
  await until(() => edge.tunnel.counts().streams === 4, 'open on the edge');
  const carrying = sessionsOf().find((x) => x.streams.size > 0)!;
  proxyOf(carrying.id).cut();
  for (const { s } of second) await t.rejects(closed(s), { code: StreamCode.LINK_LOST });
  const again = open(1024 * 1024);
  again.stdout.resume();
  await closed(again.s);
  t.equal(again.got(), 1024 * 1024, 'a new stream works on the other path');
  await until(() => hub.tunnel.counts().streams === 0 && edge.tunnel.counts().streams === 0, 'nothing left');
});
