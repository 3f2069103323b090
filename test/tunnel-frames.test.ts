/** The tunnel's hand-built frames (tunnel/frames.ts) are the bytes protobuf writes, and decode back. */
import t from 'tap';
import { DefaultWireLimits, decodeFrame, encodeFrame, encodeStreamData } from '../proto/index.js';
import {
  DATA_HEADROOM, encodeStreamFin, encodeStreamOk, encodeStreamOpen, encodeStreamReset, encodeStreamWindow,
  frameInPlace, headroomBuffer, headroomPrefix,
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
