/**
 * A raw edge that breaks the stream protocol: wrong id parity and frames for
 * streams never opened close the connection (4400); a sender over the window
 * loses only its stream (FLOW_CONTROL); late frames for a closed stream are
 * ignored.
 */
import t from 'tap';
import { encodeFrame } from '../proto/index.js';
import { startHub, until } from './helpers/hubs.js';
import { closedWithin, rawConnect } from './helpers/raw-client.js';
import { closed, StreamCode } from '../tunnel/index.js';

t.test('a stream id of the cloud\'s parity from an edge is a protocol error', async (t) => {
  const hub = await startHub();
  t.teardown(() => hub.close());
  const c = await rawConnect(hub, { token: hub.mintToken('raw'), node: 'raw' });
  await c.hello('raw');
  c.ws.send(encodeFrame({ streamOpen: { id: 1, kind: 'x' } }));
  t.match(await closedWithin(c), { code: 4400, reason: /stream_open\.id 1 is not a new even id/ });
});

t.test('data for a stream never opened is a protocol error', async (t) => {
  const hub = await startHub();
  t.teardown(() => hub.close());
  const c = await rawConnect(hub, { token: hub.mintToken('raw'), node: 'raw' });
  await c.hello('raw');
  c.ws.send(encodeFrame({ streamData: { id: 9, data: Buffer.of(1) } }));
  t.match(await closedWithin(c), { code: 4400, reason: /streamData for stream 9, which was never opened/ });
});

t.test('over the window: that stream is reset, the connection and late frames are fine', async (t) => {
  const hub = await startHub();
  t.teardown(() => hub.close());
  const c = await rawConnect(hub, { token: hub.mintToken('raw'), node: 'raw' });
  await c.hello('raw');
  await until(() => hub.tunnel.online('raw'), 'session');
  const s = hub.tunnel.open('raw', 'anything', { a: 1 });
  s.setReader(() => { /* never consumes: no credit comes back */ });
  await until(() => c.frames.some((f) => f.body === 'streamOpen'), 'the open');
  const open = c.frames.find((f) => f.body === 'streamOpen')!.streamOpen!;
  t.equal(open.id, 1);
  t.same(JSON.parse(Buffer.from(open.params!).toString()), { a: 1 });
  c.ws.send(encodeFrame({ streamOk: { id: 1 } }));
  c.ws.send(encodeFrame({ streamData: { id: 1, data: Buffer.alloc(200 * 1024) } }));
  c.ws.send(encodeFrame({ streamData: { id: 1, data: Buffer.alloc(100 * 1024) } })); // 300 KiB > 256 KiB
  await t.rejects(closed(s), { code: StreamCode.FLOW_CONTROL });
  await until(() => c.frames.some((f) => f.body === 'streamReset'), 'the reset');
  t.match(c.frames.find((f) => f.body === 'streamReset')!.streamReset, { id: 1, code: StreamCode.FLOW_CONTROL, message: /beyond the window of 262144 bytes/ });
  c.ws.send(encodeFrame({ streamData: { id: 1, data: Buffer.of(1) } })); // late: ignored
  c.ws.send(encodeFrame({ ping: { nonce: 5, sentAt: 1 } }));
  await until(() => c.frames.some((f) => f.body === 'pong'), 'the connection still answers');
  t.equal(c.ws.readyState, c.ws.OPEN);
  t.equal(hub.tunnel.counts().stats.late, 1, 'the late frame was counted and ignored');
  c.ws.close();
});
