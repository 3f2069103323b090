/**
 * The tunnel's stream layer through real hubs on loopback: order of data, FIN
 * and exit; credit flow control with a paused reader among 1000 streams;
 * 10k open/close/reset cycles with every count back to zero; limits; a link
 * that drops mid-stream.
 */
import t from 'tap';
import { createHash } from 'node:crypto';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { StreamCode, StreamError, accepted, closed, streamReadables, type Provider, type Stream } from '../tunnel/index.js';
import type { CloudHub, EdgeHub } from '../index.js';

/** Echoes every byte back; FIN answers FIN. */
const echo: Provider = (s) => {
  s.accept();
  s.setReader((_ch, chunk) => { s.write(Buffer.from(chunk)); s.consumed(chunk.length); });
  s.once('fin', () => s.end());
};

/** Sends params.bytes bytes (a counter pattern), then stderr "done", then exits 7. */
const source: Provider = (s) => {
  s.accept();
  s.setReader((_ch, c) => s.consumed(c.length));
  let left = Number(s.params.bytes);
  let n = 0;
  const pump = (): void => {
    while (left > 0) {
      const size = Math.min(left, 16 * 1024);
      const b = Buffer.allocUnsafe(size);
      for (let i = 0; i < size; i++) b[i] = (n++) & 0xff;
      left -= size;
      if (!s.write(b)) return void s.once('drain', pump);
    }
    s.write(Buffer.from('done'), 2);
    s.exit({ code: 7, message: 'bye' });
  };
  pump();
};

/** Hashes what it reads; exits with the hash as message after the opener's FIN. */
const sink: Provider = (s) => {
  s.accept();
  const h = createHash('sha256');
  let bytes = 0;
  s.setReader((_ch, chunk) => { h.update(chunk); bytes += chunk.length; s.consumed(chunk.length); });
  s.once('fin', () => s.exit({ code: 0, message: `${bytes} ${h.digest('hex')}` }));
};

const resetter: Provider = (s) => { s.accept(); setImmediate(() => s.reset(StreamCode.INTERNAL, 'provider gave up')); };

async function pair(t: { teardown(fn: () => unknown): void }, edgeTunnel: Record<string, unknown> = {}): Promise<{ hub: CloudHub; edge: EdgeHub }> {
  const hub = await startHub();
  const edge = await startEdge(hub, 'edge-1', { tunnel: { providers: { echo, source, sink, resetter }, ...edgeTunnel } });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline();
  await until(() => hub.tunnel.online('edge-1'), 'tunnel session');
  return { hub, edge };
}

function collect(r: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  return new Promise((resolve, reject) => {
    r.on('data', (b: Buffer) => parts.push(b));
    r.on('end', () => resolve(Buffer.concat(parts)));
    r.on('error', reject);
  });
}

t.test('echo: bytes both ways, half-close, then exit 0 after both FINs', async (t) => {
  const { hub } = await pair(t);
  const s = hub.tunnel.open('edge-1', 'echo', {});
  const { stdout } = streamReadables(s);
  const got = collect(stdout);
  const events: string[] = [];
  s.on('fin', () => events.push('fin'));
  s.on('exit', (st) => events.push(`exit ${st.code}`));
  s.write(Buffer.from('hello '));
  s.write(Buffer.from('tunnel'));
  s.end();
  t.equal((await got).toString(), 'hello tunnel');
  await closed(s);
  t.same(events, ['fin', 'exit 0'], 'FIN before the exit status');
  t.equal(s.exitStatus?.code, 0);
});

t.test('order: all data, then FIN, then the exit status; stderr on its own channel', async (t) => {
  const { hub } = await pair(t);
  const s = hub.tunnel.open('edge-1', 'source', { bytes: 3 * 1024 * 1024 + 5 });
  s.end();
  const { stdout, stderr } = streamReadables(s);
  const order: string[] = [];
  let bytes = 0;
  let ok = true;
  stdout.on('data', (b: Buffer) => { for (const x of b) { if (x !== (bytes & 0xff)) ok = false; bytes++; } });
  stdout.on('end', () => order.push('stdout end'));
  const err = collect(stderr);
  s.on('exit', (st) => order.push(`exit ${st.code} ${st.message}`));
  await closed(s);
  t.equal(bytes, 3 * 1024 * 1024 + 5, 'every byte arrived');
  t.ok(ok, 'in order');
  t.equal((await err).toString(), 'done');
  t.same(order, ['stdout end', 'exit 7 bye']);
  t.ok(s.windowBytes >= 256 * 1024, 'window at least the initial 256 KiB');
});

t.test('50 MB up through one stream arrives whole (sha256), stdin half-close', async (t) => {
  const { hub } = await pair(t);
  const s = hub.tunnel.open('edge-1', 'sink', {});
  streamReadables(s);
  const h = createHash('sha256');
  const total = 50 * 1024 * 1024;
  const block = Buffer.alloc(1024 * 1024);
  for (let sent = 0, i = 0; sent < total; sent += block.length, i++) {
    block.fill(i & 0xff);
    const b = Buffer.from(block);
    h.update(b);
    if (!s.write(b)) await new Promise((r) => s.once('drain', r));
  }
  s.end();
  await closed(s);
  t.equal(s.exitStatus?.message, `${total} ${h.digest('hex')}`);
});

t.test('1000 concurrent streams complete while one reader is paused', async (t) => {
  const { hub, edge } = await pair(t);
  // The paused one: 8 MiB to send, nobody reads. It must stall at its window, alone.
  const paused = hub.tunnel.open('edge-1', 'source', { bytes: 8 * 1024 * 1024 });
  paused.end();
  const io = streamReadables(paused);
  io.stdout.pause();
  const edgeSide = (): Stream | undefined => edge.tunnel.findStream(paused.id);
  await until(() => edgeSide() !== undefined && edgeSide()!.credit === 0, 'the paused stream to exhaust its credit');
  const streams = Array.from({ length: 1000 }, () => {
    const s = hub.tunnel.open('edge-1', 'source', { bytes: 20_000 });
    s.end();
    const { stdout } = streamReadables(s);
    let n = 0;
    stdout.on('data', (b: Buffer) => { n += b.length; });
    return closed(s).then(() => n);
  });
  t.equal(hub.tunnel.counts().streams, 1001, '1001 streams open at once');
  const sizes = await Promise.all(streams);
  t.ok(sizes.every((n) => n === 20_000), 'all 1000 got every byte');
  t.equal(paused.state, 'open', 'the paused stream is still open');
  const buffered = io.stdout.readableLength;
  t.ok(buffered <= paused.windowBytes + 64 * 1024, `paused stream holds ${buffered} bytes: at most its window + the reader's high-water mark`);
  let n = 0;
  io.stdout.on('data', (b: Buffer) => { n += b.length; });
  io.stdout.resume();
  await closed(paused);
  t.equal(n, 8 * 1024 * 1024, 'resumed, the paused stream completes whole');
  await until(() => hub.tunnel.counts().streams === 0 && edge.tunnel.counts().streams === 0, 'streams to be forgotten');
});

t.test('10k open/close/reset cycles leave nothing behind', async (t) => {
  const { hub, edge } = await pair(t);
  const handles = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const outcomes = { exit: 0, cancelled: 0, refused: 0, edgeReset: 0 };
  const one = async (i: number): Promise<void> => {
    switch (i % 4) {
      case 0: { // normal: echo then FIN both ways
        const s = hub.tunnel.open('edge-1', 'echo', {});
        s.setReader((_c, b) => s.consumed(b.length));
        s.write(Buffer.from(`ping ${i}`));
        s.end();
        await closed(s);
        outcomes.exit++;
        break;
      }
      case 1: { // cancelled by the cloud right after opening, data in flight
        const s = hub.tunnel.open('edge-1', 'echo', {});
        s.write(Buffer.alloc(1000));
        s.reset();
        await closed(s).catch(() => outcomes.cancelled++);
        break;
      }
      case 2: { // refused: unknown kind
        const s = hub.tunnel.open('edge-1', 'no-such-kind', {});
        await accepted(s).catch((e: StreamError) => { if (e.code === StreamCode.UNKNOWN_KIND) outcomes.refused++; });
        break;
      }
      default: { // reset by the edge
        const s = hub.tunnel.open('edge-1', 'resetter', {});
        s.setReader((_c, b) => s.consumed(b.length));
        await closed(s).catch((e: StreamError) => { if (e.code === StreamCode.INTERNAL) outcomes.edgeReset++; });
      }
    }
  };
  for (let base = 0; base < 10_000; base += 200) {
    await Promise.all(Array.from({ length: 200 }, (_, k) => one(base + k)));
  }
  t.same(outcomes, { exit: 2500, cancelled: 2500, refused: 2500, edgeReset: 2500 });
  await until(() => hub.tunnel.counts().streams === 0 && edge.tunnel.counts().streams === 0, 'all streams forgotten on both sides');
  t.equal(hub.tunnel.counts().streams, 0, 'cloud: no stream left');
  t.equal(edge.tunnel.counts().streams, 0, 'edge: no stream left');
  t.equal(edge.tunnel.counts().stats.accepted, 10_000, 'the edge saw every open');
  const after = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  t.ok(after <= handles + 2, `timers back to the baseline (${handles} before, ${after} after)`);
  // Still usable afterwards.
  const s = hub.tunnel.open('edge-1', 'echo', {});
  const got = collect(streamReadables(s).stdout);
  s.write(Buffer.from('still here'));
  s.end();
  t.equal((await got).toString(), 'still here');
});

t.test('limits: the edge refuses past maxStreamsPerNode; the cloud refuses locally past its own', async (t) => {
  const { hub } = await pair(t, { maxStreamsPerNode: 3 });
  const open = [1, 2, 3].map(() => hub.tunnel.open('edge-1', 'echo', {}));
  await Promise.all(open.map(accepted));
  const fourth = hub.tunnel.open('edge-1', 'echo', {});
  await t.rejects(accepted(fourth), { code: StreamCode.LIMIT, message: /maxStreamsPerNode/ });
  for (const s of open) s.reset();
  await until(() => hub.tunnel.counts().streams === 0, 'streams closed');
  const s = hub.tunnel.open('edge-1', 'echo', {});
  await accepted(s);
  s.reset();

  const small = await startHub({ tunnel: { maxStreamsPerHub: 2 } });
  const e2 = await startEdge(small, 'edge-2', { tunnel: { providers: { echo } } });
  t.teardown(async () => { await e2.close(); await small.close(); });
  await e2.waitOnline();
  await until(() => small.tunnel.online('edge-2'), 'session');
  small.tunnel.open('edge-2', 'echo', {});
  small.tunnel.open('edge-2', 'echo', {});
  t.throws(() => small.tunnel.open('edge-2', 'echo', {}), { code: StreamCode.LIMIT, message: /maxStreamsPerHub/ });
  t.throws(() => small.tunnel.open('nobody', 'echo', {}), { code: StreamCode.LINK_LOST, message: /not online/ });
});

t.test('the link drops mid-stream: both sides reset their streams, and new streams work after the reconnect', async (t) => {
  const { hub, edge } = await pair(t);
  const s = hub.tunnel.open('edge-1', 'source', { bytes: 64 * 1024 * 1024 });
  s.end();
  const { stdout } = streamReadables(s);
  let n = 0;
  stdout.on('data', (b: Buffer) => { n += b.length; });
  await until(() => n > 1024 * 1024, 'some bytes');
  hub.disconnect('edge-1', { reason: 'test cut' });
  await t.rejects(closed(s), { code: StreamCode.LINK_LOST });
  await until(() => edge.tunnel.counts().streams === 0, 'edge side reset');
  t.equal(hub.tunnel.counts().streams, 0);
  await until(() => hub.tunnel.online('edge-1'), 'reconnected');
  const again = hub.tunnel.open('edge-1', 'echo', {});
  const got = collect(streamReadables(again).stdout);
  again.write(Buffer.from('after'));
  again.end();
  t.equal((await got).toString(), 'after');
});

t.test('config errors name the key', async (t) => {
  await t.rejects(startHub({ tunnel: { maxWindowBytes: 1000 } }), { name: 'TypeError', message: /tunnel\.maxWindowBytes must be an integer from 262144/ });
  await t.rejects(startHub({ tunnel: { kube: 'nope' } }), { message: /tunnel\.kube must be "host:port"/ });
  const hub = await startHub();
  t.teardown(() => hub.close());
  await t.rejects(startEdge(hub, 'e', { tunnel: { pods: { Web: {} } } }), { message: /tunnel\.pods\.Web: pod name must be a DNS-1123 name/ });
  await t.rejects(startEdge(hub, 'e', { tunnel: { pods: { web: { ports: { 80: 'x:y' } } } } }), { message: /tunnel\.pods\.web\.ports\.80 must be a port/ });
  await t.rejects(startEdge(hub, 'e', { tunnel: { exec: { allow: 'sh' as unknown as string[] } } }), { message: /tunnel\.exec\.allow must be a list/ });
});

t.test('a closing hub tells the other side why: SHUTDOWN', async (t) => {
  const hub = await startHub();
  const edge = await startEdge(hub, 'edge-1', { tunnel: { providers: { echo } } });
  t.teardown(async () => { await hub.close(); });
  await edge.waitOnline();
  await until(() => hub.tunnel.online('edge-1'), 'session');
  const s = hub.tunnel.open('edge-1', 'echo', {});
  await accepted(s);
  const gone = closed(s);
  await edge.close();
  await t.rejects(gone, { code: StreamCode.SHUTDOWN, message: /edge hub shutting down/ });
});

t.test('over TLS (the default): six streams at full speed edge to cloud, none dropped', async (t) => {
  // Writing to a uWS TLS socket from inside its message handler under load drops it (1006):
  // the cloud's tunnel defers what an inbound frame causes to the next turn (path.deferInReceive).
  const hub = await startHub({ tls: {} });
  const edge = await startEdge(hub, 'edge-1', { tunnel: { providers: { source } } });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await until(() => hub.tunnel.online('edge-1'), 'session');
  t.match(hub.url, /^wss:/);
  const streams = Array.from({ length: 6 }, () => {
    const s = hub.tunnel.open('edge-1', 'source', { bytes: 4 * 1024 * 1024 });
    s.end();
    let n = 0;
    s.setReader((_c, b) => { n += b.length; s.consumed(b.length); });
    return closed(s).then(() => n);
  });
  const sizes = await Promise.all(streams);
  t.ok(sizes.every((n) => n === 4 * 1024 * 1024 + 4), 'every stream whole (4 MiB + "done" on stderr)');
});
