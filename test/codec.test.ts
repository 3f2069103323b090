import t from 'tap';
import { DefaultWireLimits, decodeFrame, encodeAckFrame, encodeBatchFrame, encodeFrame, encodeMessage, pb, ProtocolError } from '../proto/index.js';

const FIELDS = ['id', 'lane', 'seq', 'key', 'kind', 'op', 'type', 'namespace', 'name', 'resourceVersion', 'createdAt', 'expiresAt', 'traceId', 'contentType'] as const;
/** Every field with its default applied, payload as an array: comparable whatever the encoder omitted. */
const plain = (m: ReturnType<typeof pb.Message.decode>) => ({ ...Object.fromEntries(FIELDS.map((f) => [f, m[f]])), payload: [...m.payload] });

const msg = (seq: number, extra: object = {}) => ({ id: `m${seq}`, lane: 2, seq, key: 'k', kind: 'Tick', payload: Buffer.from([seq & 255]), createdAt: 1_700_000_000_000, ...extra });

t.test('a batch built from pre-encoded messages is byte-identical to the schema encoding', async (t) => {
  const messages = [msg(1), msg(2, { payload: Buffer.alloc(300, 9) }), msg(3, { lane: 0 })];
  const fast = encodeBatchFrame(messages.map((m) => pb.Message.encode(m).finish()));
  const slow = encodeFrame({ batch: { messages } });
  t.same(Buffer.from(fast), Buffer.from(slow));
  const back = decodeFrame(fast, DefaultWireLimits);
  t.equal(back.body, 'batch');
  t.same(back.batch!.messages!.map((m) => m.seq), [1, 2, 3]);
  t.equal(typeof back.batch!.messages![0]!.createdAt, 'number', '64-bit fields decode to numbers');
});

t.test('acks riding on a batch encode as the schema says and are validated like an Ack frame', async (t) => {
  const messages = [msg(1), msg(2)];
  const acks = [{ epoch: 'e1', lane: 0, seq: 7 }, { epoch: 'e1', lane: 2, seq: 2 ** 40 }];
  const fast = encodeBatchFrame(messages.map((m) => pb.Message.encode(m).finish()), acks);
  t.same(Buffer.from(fast), Buffer.from(encodeFrame({ batch: { messages, acks } })));
  t.same(decodeFrame(fast, DefaultWireLimits).batch!.acks!.map((c) => c.seq), [7, 2 ** 40]);
  t.throws(() => decodeFrame(encodeFrame({ batch: { messages, acks: [{ epoch: 'x'.repeat(65), lane: 0, seq: 1 }] } }), DefaultWireLimits), /batch\.acks/);
  t.throws(() => decodeFrame(encodeFrame({ batch: { messages, acks: [{ epoch: 'e', lane: 7, seq: 1 }] } }), DefaultWireLimits), /batch\.acks/);
});

t.test('the hand-written message encoder decodes to what protobufjs encodes', async (t) => {
  const full = {
    id: 'ü-id', lane: 3, seq: 2 ** 40 + 3, key: 'k/é/😀', kind: 'Pod', op: 4, type: 2, namespace: 'default', name: 'x'.repeat(300),
    resourceVersion: Number.MAX_SAFE_INTEGER, createdAt: 1_700_000_000_123, expiresAt: 1_700_000_999_999, traceId: 't', contentType: 'application/msgpack',
    payload: Buffer.alloc(70_000, 5),
  };
  for (const m of [full, msg(1), { seq: 1 }, { ...full, payload: Buffer.alloc(0), key: '' }]) {
    const ours = encodeMessage(m);
    const theirs = pb.Message.encode(m).finish();
    t.same(plain(pb.Message.decode(ours)), plain(pb.Message.decode(theirs)));
  }
  const many = Array.from({ length: 3000 }, (_, i) => encodeMessage(msg(i + 1, { payload: Buffer.alloc(900, i & 255) })));
  t.same(many.map((b) => pb.Message.decode(b).seq), Array.from({ length: 3000 }, (_, i) => i + 1), 'slab reuse keeps earlier messages intact');
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

t.test('the hand-written ack encoders write what protobufjs writes', async (t) => {
  const sets = [[], [{ epoch: 'e1', lane: 0, seq: 0 }], [{ epoch: '', lane: 3, seq: 1 }, { epoch: 'ü-epoch', lane: 2, seq: Number.MAX_SAFE_INTEGER }], [{ epoch: 'x'.repeat(64), lane: 1, seq: 128 }]];
  for (const cursors of sets) {
    t.same(Buffer.from(encodeAckFrame(cursors)), Buffer.from(encodeFrame({ ack: { cursors } })), `ack frame ${JSON.stringify(cursors)}`);
    t.same(Buffer.from(encodeAckFrame(cursors, sets[1]!)), Buffer.from(encodeFrame({ ack: { cursors, received: sets[1]! } })), `ack frame with a credit ${JSON.stringify(cursors)}`);
    t.same(Buffer.from(encodeAckFrame([], cursors)), Buffer.from(encodeFrame({ ack: { received: cursors } })), `credit only ${JSON.stringify(cursors)}`);
    const messages = [{ id: 'm', seq: 1 }];
    t.same(Buffer.from(encodeBatchFrame([encodeMessage(messages[0]!)], cursors)), Buffer.from(encodeFrame({ batch: { messages, acks: cursors } })), `batch acks ${JSON.stringify(cursors)}`);
  }
});

t.test('the message encoder writes each string as Buffer writes UTF-8, short or long, ASCII or not', async (t) => {
  const strings = ['a', 'x'.repeat(64), 'x'.repeat(65), 'ü', 'é'.repeat(40), 'k/😀', '\ud800', 'a\udc00b', '\ud83d', 'y'.repeat(63) + 'é'];
  for (const key of strings) {
    const bytes = Buffer.from(key, 'utf8');
    const len = bytes.length < 128 ? Buffer.from([bytes.length]) : Buffer.from([(bytes.length & 0x7f) | 0x80, bytes.length >> 7]);
    const expected = Buffer.concat([Buffer.from([0x18, 0x01, 0x22]), len, bytes]);
    t.same(Buffer.from(encodeMessage({ seq: 1, key })), expected, JSON.stringify(key));
  }
});
