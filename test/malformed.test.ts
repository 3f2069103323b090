/**
 * Malformed input closes only the connection that sent it, with a protocol
 * error and a log line; the hub and its other edges carry on.
 */
import t, { type Test } from 'tap';
import { CloseCode, type CloudHub, type EdgeHub } from '../index.js';
import { encodeFrame, PROTOCOL_VERSION } from '../proto/index.js';
import { startHub, startEdge } from './helpers/hubs.js';
import { captureLog, LEVEL, type CapturedLog } from './helpers/log-capture.js';
import { closedWithin, rawConnect, type RawClient } from './helpers/raw-client.js';
import { prng } from '../bench/prng.js';

const LIMITS = { maxFrameBytes: 65_536, maxPayloadBytes: 16_384 };
const BATCH_BYTES = 32 * 1024; // batchBytes + maxPayloadBytes + 4096 must fit in maxFrameBytes
const PROTOCOL_LOG = 'protocol error; closing this connection';


function randomFrame(seed: number, length: number): Uint8Array {
  const r = prng(seed);
  return Uint8Array.from({ length }, () => Math.floor(r() * 256));
}

const str = (s: string): number[] => [...Buffer.from(s)];
/** A length-delimited field (lengths under 128 only). */
const ld = (field: number, bytes: number[]): number[] => [(field << 3) | 2, bytes.length, ...bytes];
const varint = (field: number, v: number): number[] => [(field << 3) | 0, v];

const hello = (node: string): Uint8Array =>
  encodeFrame({ hello: { version: PROTOCOL_VERSION, node, epoch: 'attacker-epoch', maxFrameBytes: 65_536 } });

let seq = 0;

interface Attack {
  name: string;
  /** Send a valid Hello first and wait for the Welcome, so the bad frame arrives mid-session. */
  afterHello?: boolean;
  frame: () => Uint8Array | string;
  code?: number;
  /** The hub's log line: its msg, and a pattern its err field must match. */
  log?: { msg: string; err?: RegExp };
}

const attacks: Attack[] = [
  ...[1, 2, 3, 4, 5].map((s): Attack => ({ name: `random bytes (seed ${s})`, frame: () => randomFrame(s, 64 + s * 97) })),
  { name: 'random bytes mid-session', afterHello: true, frame: () => randomFrame(42, 300) },
  { name: 'a single zero byte (field number 0)', frame: () => Uint8Array.of(0), log: { msg: PROTOCOL_LOG, err: /undecodable/ } },
  { name: 'an empty frame', frame: () => new Uint8Array(0), log: { msg: PROTOCOL_LOG, err: /no body/ } },
  ...[1, 5, 12, 20].map((cut): Attack => ({
    name: `a Hello truncated to ${cut} bytes`,
    frame: () => { const h = hello('attacker'); return h.subarray(0, Math.min(cut, h.length - 1)); },
    log: { msg: PROTOCOL_LOG, err: /undecodable|index out of range/ },
  })),
  {
    name: 'a Batch truncated mid-payload (mid-session)', afterHello: true,
    frame: () => encodeFrame({ batch: { messages: [{ lane: 2, seq: 1, payload: new Uint8Array(200).fill(7) }] } }).subarray(0, 150),
    log: { msg: PROTOCOL_LOG, err: /undecodable/ },
  },
  {
    name: 'Hello.version sent length-delimited instead of varint',
    frame: () => Uint8Array.from(ld(1, [...ld(1, [PROTOCOL_VERSION]), ...ld(2, str('attacker')), ...ld(3, str('e1'))])),
    log: { msg: PROTOCOL_LOG, err: /hello\.version/ },
  },
  {
    name: 'Hello.node sent as a varint instead of a string',
    frame: () => Uint8Array.from(ld(1, [...varint(1, PROTOCOL_VERSION), ...varint(2, 5), ...ld(3, str('e1'))])),
    log: { msg: PROTOCOL_LOG, err: /hello\.node/ },
  },
  {
    name: 'Frame.hello sent as a varint',
    frame: () => Uint8Array.from(varint(1, 1)),
    log: { msg: PROTOCOL_LOG, err: /no body/ },
  },
  {
    name: 'Hello with an unsupported version',
    frame: () => encodeFrame({ hello: { version: 99, node: 'attacker', epoch: 'e1' } }),
    log: { msg: PROTOCOL_LOG, err: /version/ },
  },
  {
    name: 'a Batch whose lane is 99', afterHello: true,
    frame: () => encodeFrame({ batch: { messages: [{ lane: 99 as 0, seq: 1, payload: Uint8Array.of(1) }] } }),
    log: { msg: PROTOCOL_LOG, err: /lane has unknown value 99/ },
  },
  {
    name: 'a Batch whose op is 42', afterHello: true,
    frame: () => encodeFrame({ batch: { messages: [{ lane: 0, op: 42 as 0, seq: 1 }] } }),
    log: { msg: PROTOCOL_LOG, err: /op has unknown value 42/ },
  },
  {
    name: 'a Batch message with seq 0', afterHello: true,
    frame: () => encodeFrame({ batch: { messages: [{ lane: 0, seq: 0 }] } }),
    log: { msg: PROTOCOL_LOG, err: /seq must be at least 1/ },
  },
  {
    name: 'an Ack naming lane 7', afterHello: true,
    frame: () => encodeFrame({ ack: { cursors: [{ epoch: 'x', lane: 7 as 0, seq: 1 }] } }),
    log: { msg: PROTOCOL_LOG, err: /lane has unknown value 7/ },
  },
  {
    name: 'a length prefix claiming 2^31 bytes (Frame.batch)',
    frame: () => Uint8Array.of(0x1a, 0x80, 0x80, 0x80, 0x80, 0x08, 0x0a, 0x00),
    log: { msg: PROTOCOL_LOG, err: /undecodable/ },
  },
  {
    name: 'a length prefix claiming 2^28 bytes (Frame.hello)',
    frame: () => Uint8Array.of(0x0a, 0x80, 0x80, 0x80, 0x80, 0x01, 0x08, 0x01),
    log: { msg: PROTOCOL_LOG, err: /undecodable/ },
  },
  {
    name: 'a length prefix claiming 2^31 bytes (payload, mid-session)', afterHello: true,
    frame: () => Uint8Array.from([...ld(3, [...ld(1, [...varint(3, 1), 0x7a, 0x80, 0x80, 0x80, 0x80, 0x08, 1, 2, 3])])]),
    log: { msg: PROTOCOL_LOG, err: /undecodable/ },
  },
  {
    name: 'a 10-byte varint length (2^63)',
    frame: () => Uint8Array.of(0x0a, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x08, 0x01),
    log: { msg: PROTOCOL_LOG, err: /undecodable/ },
  },
  { name: 'a text frame', frame: () => 'hello', log: { msg: PROTOCOL_LOG, err: /text frame/ } },
  { name: 'a text frame mid-session', afterHello: true, frame: () => '{"batch":[]}', log: { msg: PROTOCOL_LOG, err: /text frame/ } },
  {
    name: 'a Batch before the Hello',
    frame: () => encodeFrame({ batch: { messages: [{ lane: 0, seq: 1, payload: Uint8Array.of(1) }] } }),
    log: { msg: PROTOCOL_LOG, err: /expected hello, got batch/ },
  },
  { name: 'a Ping before the Hello', frame: () => encodeFrame({ ping: { nonce: 1, sentAt: 1 } }), log: { msg: PROTOCOL_LOG, err: /expected hello, got ping/ } },
  {
    name: 'a second Hello mid-session', afterHello: true,
    frame: () => hello('attacker'),
    log: { msg: PROTOCOL_LOG },
  },
  {
    name: 'a Welcome from the edge', afterHello: true,
    frame: () => encodeFrame({ welcome: { version: 1, epoch: 'x', session: 's', pingIntervalMs: 1000 } }),
    log: { msg: PROTOCOL_LOG },
  },
  {
    name: 'a payload larger than maxPayloadBytes in a frame under maxFrameBytes', afterHello: true,
    frame: () => encodeFrame({ batch: { messages: [{ lane: 3, seq: 1, payload: new Uint8Array(LIMITS.maxPayloadBytes + 1) }] } }),
    log: { msg: PROTOCOL_LOG, err: /payload of 16385 bytes exceeds 16384/ },
  },
  {
    name: 'a Batch of more than maxBatchMessages messages', afterHello: true,
    frame: () => encodeFrame({ batch: { messages: Array.from({ length: 1025 }, (_, i) => ({ lane: 3, seq: i + 1 })) } }),
    log: { msg: PROTOCOL_LOG, err: /more than 1024/ },
  },
  {
    name: 'a key longer than maxKeyLength', afterHello: true,
    frame: () => encodeFrame({ batch: { messages: [{ lane: 1, seq: 1, key: 'k'.repeat(513) }] } }),
    log: { msg: PROTOCOL_LOG, err: /key is longer than 512/ },
  },
];

/** Opens an authenticated raw connection for a fresh attacker node. */
async function attacker(hub: CloudHub): Promise<{ c: RawClient; node: string }> {
  const node = `attacker-${++seq}`;
  const c = await rawConnect(hub, { token: hub.mintToken(node), node });
  if (c.status !== null) throw new Error(`attacker refused with HTTP ${c.status}`);
  return { c, node };
}

interface World {
  hub: CloudHub;
  edge: EdgeHub;
  cap: CapturedLog;
  edgeOffline: number;
}

async function world(t: Test): Promise<World> {
  const cap = captureLog();
  const hub = await startHub({ log: cap.log, limits: LIMITS, batchBytes: BATCH_BYTES });
  const edge = await startEdge(hub, 'edge-good', { limits: LIMITS, batchBytes: BATCH_BYTES });
  const w: World = { hub, edge, cap, edgeOffline: 0 };
  edge.on('offline', () => w.edgeOffline++);
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline(10_000);
  return w;
}

/** A message each way between the hub and the good edge, with receipts. */
async function roundTrip(t: Test, w: World, tag: string): Promise<void> {
  const down = new Promise<unknown>((r) => w.edge.once('message', (m) => r(m.value)));
  const up = new Promise<unknown>((r) => w.hub.once('message', (node, m) => { if (node === 'edge-good') r(m.value); }));
  const r1 = await w.hub.send('edge-good', { lane: 'control', key: 'k', payload: { down: tag } });
  const r2 = await w.edge.publish({ lane: 'events', payload: { up: tag } });
  t.same(await down, { down: tag }, `${tag}: cloud -> edge`);
  t.same(await up, { up: tag }, `${tag}: edge -> cloud`);
  t.same(await r1.delivered, { status: 'delivered' }, `${tag}: receipt down`);
  t.same(await r2.delivered, { status: 'delivered' }, `${tag}: receipt up`);
}

t.test('malformed frames close only their own connection', async (t) => {
  const w = await world(t);
  await roundTrip(t, w, 'before');

  // Traffic both ways for the whole attack, to show the good edge is never disturbed.
  const gotDown: number[] = [];
  const gotUp: number[] = [];
  w.edge.on('message', (m) => { if (m.lane === 'events') gotDown.push(m.value as number); });
  w.hub.on('message', (node, m) => { if (node === 'edge-good' && m.lane === 'state') gotUp.push(m.value as number); });
  const receipts: Promise<unknown>[] = [];
  let n = 0;
  const flow = setInterval(() => {
    const i = n++;
    receipts.push(w.hub.send('edge-good', { lane: 'events', payload: i }).then((r) => r.delivered));
    receipts.push(w.edge.publish({ lane: 'state', key: `k${i}`, payload: i }).then((r) => r.delivered));
  }, 5);

  for (const a of attacks) {
    await t.test(a.name, async (t) => {
      const { c, node } = await attacker(w.hub);
      if (a.afterHello) {
        const welcome = await c.hello(node);
        t.equal(welcome.body, 'welcome', 'the session was up before the bad frame');
      }
      const before = w.cap.lines.length;
      const frame = a.frame();
      c.ws.send(frame, { binary: typeof frame !== 'string' });
      const { code } = await closedWithin(c);
      t.equal(code, a.code ?? CloseCode.PROTOCOL_ERROR, `closed with ${a.code ?? 'PROTOCOL_ERROR'}`);
      const lines = w.cap.lines.slice(before).filter((l) => l.node === node && l.level >= LEVEL.warn);
      t.equal(lines.length >= 1, true, 'the hub logged a warning for it');
      if (a.log) {
        const line = lines.find((l) => l.msg === a.log!.msg);
        t.ok(line, `log line "${a.log.msg}"`);
        if (a.log.err) t.match(String(line?.err), a.log.err, 'the log line says what was wrong');
      }
    });
  }

  clearInterval(flow);
  const delivered = await Promise.all(receipts);
  t.ok(n >= 10, `${n} messages each way during the attacks`);
  t.ok(delivered.every((d) => (d as { status: string }).status === 'delivered'), 'every receipt says delivered');
  t.same(gotDown, Array.from({ length: n }, (_, i) => i), 'cloud -> edge: all of them, in order, once');
  t.same(gotUp, Array.from({ length: n }, (_, i) => i), 'edge -> cloud: all of them, in order, once');
  t.equal(w.edgeOffline, 0, 'the good edge never went offline');
  t.equal(w.hub.node('edge-good')?.online, true, 'the hub still lists it online');
  await roundTrip(t, w, 'after');
  t.equal(w.cap.find('internal error').length, 0, 'no internal errors logged');
});

t.test('a frame larger than maxFrameBytes', async (t) => {
  const w = await world(t);
  for (const afterHello of [false, true]) {
    await t.test(afterHello ? 'mid-session' : 'before the Hello', async (t) => {
      const { c, node } = await attacker(w.hub);
      if (afterHello) await c.hello(node);
      const before = w.cap.lines.length;
      // The frame's own bytes are fine; only its size breaks the limit. The hub refuses
      // it before buffering (uWS maxPayloadLength), so no protobuf decoding happens.
      c.ws.send(encodeFrame({ batch: { messages: [{ lane: 3, seq: 1, payload: new Uint8Array(LIMITS.maxFrameBytes) }] } }));
      const { code } = await closedWithin(c);
      // uWS refuses the frame by dropping the TCP connection without a close frame
      // (forceClose with "Received too big message"), which a client sees as 1006.
      t.ok(code === CloseCode.TOO_LARGE || code === 1006, `closed as too large (1009) or dropped (1006), got ${code}`);
      t.notOk(w.hub.node(node)?.online, 'the attacker is not online');
      await t.test('and the hub logged a warning', async (t) => {
        await new Promise((r) => setTimeout(r, 50));
        const lines = w.cap.lines.slice(before).filter((l) => l.node === node && l.level >= LEVEL.warn);
        t.ok(lines.length >= 1, 'a warning names the node');
      });
    });
  }
  t.equal(w.edgeOffline, 0, 'the good edge never went offline');
  await roundTrip(t, w, 'after oversized frames');
});

