/**
 * The edge's receive queue (link/receive-queue.ts) and the frame peek it
 * relies on (proto/frame-peek.ts): a batch of control messages passes queued
 * frames that hold none, nothing else changes order, and a large batch ends
 * its event-loop turn. Frames here are the real encoder's bytes.
 */
import t from 'tap';
import { CloseCode, encodeAckFrame, encodeBatchFrame, encodeFrame, encodeKeepalive, encodeMessage, encodeStreamData } from '../proto/index.js';
import { classifyFrame, FrameClass } from '../proto/frame-peek.js';
import { ReceiveQueue, YIELD_BYTES } from '../link/receive-queue.js';

const LANE = { control: 0, state: 1, events: 2, bulk: 3 } as const;

function msg(lane: number, seq: number, bytes = 16): Uint8Array {
  return encodeMessage({ id: `m-${lane}-${seq}`, lane, seq, key: '', createdAt: Date.now(), payload: Buffer.alloc(bytes, seq & 0xff) });
}

function batch(lanes: number[], bytes = 16, acks = false): Buffer {
  const frame = encodeBatchFrame(lanes.map((l, i) => msg(l, i + 1, bytes)), acks ? [{ epoch: 'e1', lane: 3, seq: 9 }] : undefined);
  return Buffer.from(frame); // encodeBatchFrame hands out slab memory that the next frame reuses
}

t.test('classifyFrame reads every message of a batch', async (t) => {
  t.equal(classifyFrame(batch([LANE.control, LANE.control])), FrameClass.ControlOnly, 'control only');
  t.equal(classifyFrame(batch([LANE.control], 16, true)), FrameClass.ControlOnly, 'control with acks riding on it');
  t.equal(classifyFrame(batch([LANE.bulk, LANE.bulk], 1024)), FrameClass.NoControl, 'bulk only');
  t.equal(classifyFrame(batch([LANE.state, LANE.events, LANE.bulk])), FrameClass.NoControl, 'other lanes');
  t.equal(classifyFrame(batch([LANE.control, LANE.bulk])), FrameClass.Barrier, 'control and bulk: keeps its place');
  t.equal(classifyFrame(batch([LANE.bulk, LANE.control])), FrameClass.Barrier, 'lanes out of the usual order: still mixed');
  t.equal(classifyFrame(Buffer.from(encodeAckFrame([{ epoch: 'e1', lane: 3, seq: 5 }]))), FrameClass.NoControl, 'an Ack');
  t.equal(classifyFrame(Buffer.from(encodeKeepalive('ping', 1, 2))), FrameClass.NoControl, 'a Ping');
  t.equal(classifyFrame(Buffer.from(encodeFrame({ goAway: { code: 1001, reason: 'bye' } }))), FrameClass.Barrier, 'a GoAway');
  t.equal(classifyFrame(Buffer.from(encodeStreamData(1, 0, [Buffer.from('x')], 1))), FrameClass.Barrier, 'tunnel data');
  const whole = batch([LANE.control, LANE.control]);
  t.equal(classifyFrame(whole.subarray(0, whole.length - 3)), FrameClass.Barrier, 'truncated');
  // A lane field written twice (protobuf: the last one wins), the last one control.
  const m = Buffer.from(msg(LANE.control, 1));
  const twice = Buffer.concat([Buffer.from([0x10, LANE.bulk]), m, Buffer.from([0x10, 0x00])]);
  const frame = Buffer.from(encodeBatchFrame([twice]));
  t.equal(classifyFrame(frame), FrameClass.ControlOnly, 'the last lane field counts');
  const unknownWire = Buffer.from(encodeBatchFrame([Buffer.concat([m, Buffer.from([0x7b])])]));
  t.equal(classifyFrame(unknownWire), FrameClass.Barrier, 'an unknown wire type');
});

/** Runs the event loop until the queue is empty; returns the turns it took. */
async function drain(q: ReceiveQueue): Promise<number> {
  let turns = 0;
  while (q.queued > 0) {
    await new Promise((r) => setImmediate(r));
    turns++;
  }
  return turns;
}

t.test('a control batch passes queued bulk; nothing else reorders', async (t) => {
  const q = new ReceiveQueue();
  const order: string[] = [];
  const big = (name: string): Buffer => {
    const f = batch(Array.from({ length: 300 }, () => LANE.bulk), 1024);
    t.ok(f.length >= YIELD_BYTES, `${name} is a large batch`);
    return f;
  };
  const frames: Array<[string, Buffer]> = [
    ['bulk-1', big('bulk-1')],
    ['bulk-2', big('bulk-2')],
    ['ack', Buffer.from(encodeAckFrame([{ epoch: 'e1', lane: 3, seq: 5 }]))],
    ['control-1', batch([LANE.control])],
    ['bulk-3', big('bulk-3')],
    ['mixed', batch([LANE.control, LANE.bulk])],
    ['control-2', batch([LANE.control])],
    ['bulk-4', big('bulk-4')],
    ['control-3', batch([LANE.control])],
  ];
  // All complete in one read burst: the first large batch is handled at once, the rest wait.
  for (const [name, f] of frames) {
    if (q.takesNow(f[0], f.length)) order.push(name);
    else q.push(f, () => order.push(name));
  }
  t.same(order, ['bulk-1'], 'the first frame is handled as it completes');
  t.equal(q.queued, frames.length - 1);
  const turns = await drain(q);
  t.same(order, ['bulk-1', 'control-1', 'bulk-2', 'ack', 'bulk-3', 'mixed', 'control-2', 'control-3', 'bulk-4'],
    'control-1 passed bulk-2 and the ack; mixed stops control-2 from passing bulk-3; control-3 passes bulk-4');
  t.equal(q.jumped, 2, 'two control batches went ahead');
  t.ok(turns >= 3, `a large batch ends its turn (${turns} turns for 3 queued large batches)`);
});

t.test('small frames on an idle socket are handled at once, with nothing armed', async (t) => {
  const q = new ReceiveQueue();
  for (let i = 0; i < 100; i++) {
    const f = batch([LANE.control]);
    t.equal(q.takesNow(f[0], f.length), true);
  }
  const big = batch(Array.from({ length: 300 }, () => LANE.bulk), 1024);
  t.equal(q.takesNow(big[0], big.length), true, 'a large batch on an empty queue goes at once');
  const next = batch([LANE.control]);
  t.equal(q.takesNow(next[0], next.length), false, 'what completes in the same turn after it waits');
  q.push(next, () => {});
  await drain(q);
  const later = batch([LANE.control]);
  t.equal(q.takesNow(later[0], later.length), true, 'the next turn takes frames at once again');
});

t.test('tunnel data neither yields nor passes', async (t) => {
  const q = new ReceiveQueue();
  const data = Buffer.from(encodeStreamData(1, 0, [Buffer.alloc(64 * 1024, 1)], 64 * 1024));
  t.equal(q.takesNow(data[0], data.length), true);
  t.equal(q.takesNow(data[0], data.length), true, 'large tunnel frames do not end the turn (the tunnel has its own flow control)');
  const big = batch(Array.from({ length: 300 }, () => LANE.bulk), 1024);
  t.equal(q.takesNow(big[0], big.length), true);
  const order: string[] = [];
  q.pushBarrier(() => order.push('tunnel'));
  q.push(batch([LANE.control]), () => order.push('control'));
  await drain(q);
  t.same(order, ['tunnel', 'control'], 'a control batch does not pass tunnel data');
});

t.test('an empty binary message from the cloud closes that connection with a protocol error, nothing else', async (t) => {
  const { WebSocketServer } = await import('ws');
  const { EdgeHub } = await import('../index.js');
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const closes: number[] = [];
  wss.on('connection', (s) => {
    s.on('close', (code) => closes.push(code));
    s.send(Buffer.alloc(0), { binary: true });
  });
  const port = (wss.address() as { port: number }).port;
  const edge = await EdgeHub.start({
    cloud: `ws://127.0.0.1:${port}`, node: 'edge-empty', token: 'not-checked-here', log: 'silent', insecure: 'dev', store: 'memory',
    backoff: { baseMs: 5000, capMs: 5000, stableMs: 1000 },
  });
  t.teardown(async () => { await edge.close(); await new Promise((r) => wss.close(r)); });
  const end = Date.now() + 10_000;
  while (closes.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  t.comment(`close codes: ${closes.join(', ')}`);
  t.equal(closes[0], CloseCode.PROTOCOL_ERROR, 'closed with a protocol error');
});
