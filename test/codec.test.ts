import t from 'tap';
import { DefaultWireLimits, decodeFrame, encodeBatchFrame, encodeFrame, encodeMessage, pb, ProtocolError } from '../proto/index.js';

const msg = (seq: number, extra: object = {}) => ({ id: `m${seq}`, lane: 2, seq, key: 'k', kind: 'Tick', payload: Buffer.from([seq & 255]), createdAt: 1_700_000_000_000, ...extra });

t.test('a batch built from pre-encoded messages is byte-identical to the schema encoding', async (t) => {
  const messages = [msg(1), msg(2, { payload: Buffer.alloc(300, 9) }), msg(3, { lane: 0 })];
  const fast = encodeBatchFrame(messages.map((m) => encodeMessage(m)));
  const slow = encodeFrame({ batch: { messages } });
  t.same(Buffer.from(fast), Buffer.from(slow));
  const back = decodeFrame(fast, DefaultWireLimits);
  t.equal(back.body, 'batch');
  t.same(back.batch!.messages!.map((m) => m.seq), [1, 2, 3]);
  t.equal(typeof back.batch!.messages![0]!.createdAt, 'number', '64-bit fields decode to numbers');
});

t.test('64-bit fields: up to 2^53 accepted, beyond refused', async (t) => {
  const big = Number.MAX_SAFE_INTEGER;
  const ok = decodeFrame(encodeFrame({ ack: { cursors: [{ epoch: 'e', lane: 1, seq: big }] } }), DefaultWireLimits);
  t.equal(ok.ack!.cursors![0]!.seq, big);
  // A varint of 2^60 written by hand: field 3 (seq) of a Cursor inside an Ack.
  const cursor = Buffer.from([0x0a, 0x01, 0x65, 0x18, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]);
  const ack = Buffer.concat([Buffer.from([0x0a, cursor.length]), cursor]);
  const frame = Buffer.concat([Buffer.from([0x22, ack.length]), ack]);
  t.throws(() => decodeFrame(frame, DefaultWireLimits), /ack\.cursors\.seq is not an unsigned integer below 2\^53/);
});

t.test('limits are checked while decoding', async (t) => {
  const limits = { ...DefaultWireLimits, maxBatchMessages: 2, maxKeyLength: 4 };
  t.throws(() => decodeFrame(encodeFrame({ batch: { messages: [msg(1), msg(2), msg(3)] } }), limits), /batch has 3 messages, more than 2/);
  t.throws(() => decodeFrame(encodeFrame({ batch: { messages: [msg(1, { key: 'toolong' })] } }), limits), /message\.key is longer than 4/);
  t.throws(() => decodeFrame(encodeFrame({ batch: { messages: [msg(0)] } }), limits), /seq must be at least 1/);
  t.throws(() => decodeFrame(encodeFrame({ batch: { messages: [msg(1, { lane: 9 })] } }), limits), /message\.lane has unknown value 9/);
  t.throws(() => decodeFrame(encodeFrame({}), limits), /frame has no body/);
  t.throws(() => decodeFrame(encodeFrame({ hello: { version: 2, node: 'a', epoch: 'e' } }), limits), /hello\.version 2 is not supported/);
  const err = t.throws(() => decodeFrame(Buffer.from([0x1a, 0xff, 0xff, 0xff, 0xff, 0x07]), limits)) as ProtocolError;
  t.equal(err.code, 4400, 'protocol error close code');
  t.ok(pb.Frame, 'schema types exported');
});
