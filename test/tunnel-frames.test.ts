/** The tunnel's hand-built frames (tunnel/frames.ts) are the bytes protobuf writes, and decode back. */
import t from 'tap';
import { DefaultWireLimits, decodeFrame, encodeFrame, encodeStreamData } from '../proto/index.js';
import {
  DATA_HEADROOM, encodeStreamFin, encodeStreamOk, encodeStreamOpen, encodeStreamReset, encodeStreamWindow,
  frameInPlace, headroomBuffer, headroomPrefix, recycleHeadroom, scratchFrame,
} from '../tunnel/frames.js';

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

t.test('control frames are byte-identical to encodeFrame and decode to what was encoded', async (t) => {
  for (const id of [1, 2, 127, 128, 300, 2 ** 31 + 1, 0xffff_fffe]) {
    t.ok(same(encodeStreamOk(id), encodeFrame({ streamOk: { id } })), `ok ${id}`);
    t.ok(same(encodeStreamFin(id), encodeFrame({ streamFin: { id } })), `fin ${id}`);
    for (const increment of [1, 131_072, 2 ** 32 - 1]) {
      t.ok(same(encodeStreamWindow(id, increment), encodeFrame({ streamWindow: { id, increment } })), `window ${id} +${increment}`);
    }
    for (const [kind, params] of [['port-forward', '{"pod":"web","port":80}'], ['exéc', ''], ['x', 'p'.repeat(300)]] as const) {
      const json = Buffer.from(params);
      t.ok(same(encodeStreamOpen(id, kind, json), encodeFrame({ streamOpen: { id, kind, params: json.length ? json : undefined } })), `open ${id} ${kind}`);
      const back = decodeFrame(encodeStreamOpen(id, kind, json), DefaultWireLimits).streamOpen!;
      t.equal(back.id, id);
      t.equal(back.kind, kind);
      t.equal(Buffer.from(back.params ?? []).toString(), params);
    }
    for (const [code, message] of [[1, ''], [7, 'data beyond the window of 262144 bytes'], [9, 'arrêt ✓']] as const) {
      t.ok(same(encodeStreamReset(id, code, message), encodeFrame({ streamReset: { id, code, message: message || undefined } })), `reset ${id} ${code}`);
      const back = decodeFrame(encodeStreamReset(id, code, message), DefaultWireLimits).streamReset!;
      t.match(back, { id, code, message });
    }
  }
});

t.test('a headroom chunk is framed in place, byte-identical to encodeStreamData, and other buffers are not', async (t) => {
  for (const [id, size] of [[1, 1], [3, 4097], [300, 65_536], [2 ** 31 + 1, 65_536]] as const) {
    const chunk = headroomBuffer(65_536);
    chunk.fill(0x5a);
    chunk[0] = 1;
    const cut = headroomPrefix(chunk, size);
    const frame = frameInPlace(id, cut)!;
    t.ok(frame, `id ${id}, ${size} bytes framed in place`);
    t.equal(frame.buffer, chunk.buffer, 'the frame is a view of the read buffer: no copy');
    t.ok(same(frame, encodeStreamData(id, 0, [cut], size)), `id ${id}, ${size} bytes`);
    const back = decodeFrame(frame, DefaultWireLimits).streamData!;
    t.equal(back.id, id);
    t.ok(same(back.data!, cut));
  }
  t.equal(frameInPlace(1, Buffer.alloc(100)), null, 'a plain buffer has no room of ours');
  t.equal(frameInPlace(1, headroomBuffer(100).subarray(10)), null, 'a view that does not start at the room has none either');
  t.equal(frameInPlace(1, headroomBuffer(100).subarray(0, 0)), null, 'nothing to frame');
  t.equal(DATA_HEADROOM, 19);
});

t.test('a recycled read buffer is handed out again for its size only; other buffers are not taken; the spare memory is bounded', async (t) => {
  const a = headroomBuffer(65_536);
  const read = headroomPrefix(a, 40_000); // a read that filled part of it, framed in place
  recycleHeadroom(read);
  t.not(headroomBuffer(1000).buffer, a.buffer, 'another size gets fresh memory');
  const again = headroomBuffer(65_536);
  t.equal(again.buffer, a.buffer, 'the same size reuses the memory');
  t.equal(again.length, 65_536);
  t.ok(frameInPlace(3, again), 'and it is framed in place as before');
  t.not(headroomBuffer(65_536).buffer, a.buffer, 'handed out once only');
  const plain = Buffer.alloc(65_536);
  recycleHeadroom(plain);
  recycleHeadroom(headroomBuffer(65_536).subarray(5)); // not at the room: not ours to reuse
  t.ok(![headroomBuffer(65_536), headroomBuffer(65_536)].some((b) => b.buffer === plain.buffer), 'a plain buffer is never taken in');
  const many = Array.from({ length: 40 }, () => headroomBuffer(65_536));
  for (const b of many) recycleHeadroom(b);
  const back = Array.from({ length: 40 }, () => headroomBuffer(65_536)).filter((b) => many.some((m) => m.buffer === b.buffer));
  t.ok(back.length >= 1 && back.length <= (512 * 1024) / 65_536, `at most 512 KiB kept for reuse (${back.length} buffers)`);
});

t.test('DATA frames encoded into the shared scratch buffer are the same bytes, in the same memory each time', async (t) => {
  const parts = [Buffer.alloc(30_000, 1), Buffer.alloc(35_536, 2)];
  const fresh = encodeStreamData(9, 2, parts, 65_536);
  const one = encodeStreamData(9, 2, parts, 65_536, scratchFrame);
  t.ok(same(one, fresh), 'byte-identical');
  const two = encodeStreamData(11, 0, [Buffer.from('hi')], 2, scratchFrame);
  t.equal(two.buffer, one.buffer, 'the next frame reuses the memory (the socket copied the last one)');
  t.ok(same(two, encodeStreamData(11, 0, [Buffer.from('hi')], 2)));
});
