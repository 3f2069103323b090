/** Stream frames: the hand-rolled StreamData encoder matches protobuf; bad fields are refused by name. */
import t from 'tap';
import { DefaultWireLimits, decodeFrame, encodeFrame, encodeStreamData, pb } from '../proto/index.js';

t.test('encodeStreamData is byte-identical to encodeFrame', async (t) => {
  t.same([...encodeStreamData(3, 0, [Buffer.from('hi')], 2)], [0x9a, 0x01, 0x06, 0x08, 0x03, 0x1a, 0x02, 0x68, 0x69], 'the SPEC example');
  for (const [id, channel, size] of [[1, 0, 0], [300, 2, 1], [2 ** 31 + 1, 0, 65536], [7, 2, 200_000]] as const) {
    const data = Buffer.alloc(size, 7);
    const parts = size > 10 ? [data.subarray(0, 10), data.subarray(10)] : [data];
    t.same(Buffer.from(encodeStreamData(id, channel, parts, size)), Buffer.from(encodeFrame({ streamData: { id, channel, data } })), `id ${id} channel ${channel} ${size} bytes`);
    const back = decodeFrame(encodeStreamData(id, channel, parts, size), DefaultWireLimits);
    t.equal(back.streamData!.id, id);
    t.equal(back.streamData!.data!.length, size);
  }
});

t.test('stream frames with bad fields are protocol errors naming the field', async (t) => {
  const L = DefaultWireLimits;
  t.throws(() => decodeFrame(encodeFrame({ streamData: { id: 0, data: Buffer.of(1) } }), L), /stream_data\.id must be at least 1/);
  t.throws(() => decodeFrame(encodeFrame({ streamData: { id: 1, channel: 1 } }), L), /stream_data\.channel 1 is not 0 or 2/);
  t.throws(() => decodeFrame(encodeFrame({ streamOpen: { id: 1, kind: '' } }), L), /stream_open\.kind must be 1 to 64/);
  t.throws(() => decodeFrame(encodeFrame({ streamOpen: { id: 1, kind: 'exec', params: Buffer.alloc(70_000) } }), L), /stream_open\.params of 70000 bytes exceeds 65536/);
  t.throws(() => decodeFrame(encodeFrame({ streamWindow: { id: 1, increment: 0 } }), L), /stream_window\.increment must be at least 1/);
  t.throws(() => decodeFrame(encodeFrame({ streamResize: { id: 1, cols: 0, rows: 5 } }), L), /stream_resize\.cols and \.rows/);
  t.throws(() => decodeFrame(encodeFrame({ streamReset: { id: 1, message: 'x'.repeat(2000) } }), L), /stream_reset\.message is longer than 1024/);
  t.throws(() => decodeFrame(Uint8Array.of(0xfa, 0x01, 0x00), L), /no body/, 'field 31 is still unknown');
});

t.test('the fast StreamData path decodes what the general one does, and hands anything odd to it', async (t) => {
  const L = DefaultWireLimits;
  for (const [id, channel, size] of [[1, 0, 0], [300, 2, 1], [2 ** 31 + 1, 0, 65536]] as const) {
    const bytes = encodeStreamData(id, channel, [Buffer.alloc(size, 3)], size);
    const fast = decodeFrame(bytes, L);
    const slow = pb.Frame.decode(bytes);
    t.equal(fast.body, 'streamData');
    t.equal(fast.streamData!.id, slow.streamData!.id);
    t.equal(fast.streamData!.channel ?? 0, slow.streamData!.channel ?? 0);
    t.same(Buffer.from(fast.streamData!.data!), Buffer.from(slow.streamData!.data!));
  }
  // Fields out of order or an extra field: valid protobuf, taken by the general decoder.
  const reordered = encodeFrame({ streamData: { id: 5, data: Buffer.of(9) } });
  t.equal(decodeFrame(reordered, L).streamData!.id, 5);
  t.throws(() => decodeFrame(encodeStreamData(0, 0, [Buffer.of(1)], 1), L), /stream_data\.id must be at least 1/, 'id 0 still refused');
  t.throws(() => decodeFrame(encodeStreamData(1, 1, [Buffer.of(1)], 1), L), /channel 1 is not 0 or 2/);
  t.throws(() => decodeFrame(encodeStreamData(1, 0, [Buffer.of(1, 2)], 2).subarray(0, 8), L), /undecodable|no body|index out of range/, 'truncated');
});
