/**
 * The edge's read side (edgehub/ws-receive.ts): the cloud's binary messages
 * cut out of reads split anywhere, as views (never joined), in order; the
 * first frame of any other kind hands the socket back to ws with exactly the
 * bytes from that frame on.
 */
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { DirectReceive } from '../edgehub/ws-receive.js';

/** A server frame (unmasked) of `opcode` carrying `payload`. */
function frame(payload: Buffer, opcode = 2, fin = true): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.of(0, n) : n < 65_536 ? Buffer.of(0, 126, n >> 8, n & 255) : Buffer.concat([Buffer.of(0, 127, 0, 0, 0, 0), Buffer.of(n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255)]);
  head[0] = (fin ? 0x80 : 0) | opcode;
  return Buffer.concat([head, payload]);
}

/** `bytes` cut at random places into reads of 1 byte to 70 KB. */
function cuts(bytes: Buffer, seed: number): Buffer[] {
  const out: Buffer[] = [];
  let x = seed;
  for (let at = 0; at < bytes.length;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const n = 1 + (x % (x % 3 === 0 ? 16 : 70_000));
    out.push(Buffer.from(bytes.subarray(at, at + n))); // own memory, as a socket read
    at += n;
  }
  return out;
}

function setup(maxPayload = 1 << 20): { socket: PassThrough; got: Buffer[]; parts: number[]; toWs: Buffer[] } {
  const socket = new PassThrough();
  const toWs: Buffer[] = [];
  socket.on('data', (b: Buffer) => toWs.push(b)); // stands for ws's own listener
  const got: Buffer[] = [];
  const parts: number[] = [];
  const r = DirectReceive.install(socket, maxPayload, (p, length) => {
    parts.push(p.length);
    const joined = Buffer.concat(p);
    if (joined.length !== length) throw new Error('length mismatch');
    got.push(joined);
  });
  if (!r) throw new Error('not installed');
  return { socket, got, parts, toWs };
}

t.test('binary messages of every length encoding arrive whole and in order, however the reads cut them', async (t) => {
  const messages = [0, 1, 125, 126, 65_535, 65_536, 65_557, 200_000, 3].map((n) => randomBytes(n));
  const stream = Buffer.concat(messages.map((m) => frame(m)));
  for (const seed of [1, 2, 3, 42, 1000]) {
    const { socket, got, parts, toWs } = setup();
    for (const c of cuts(stream, seed)) socket.write(c);
    await new Promise((r) => setImmediate(r));
    t.equal(got.length, messages.length, `seed ${seed}: all messages`);
    t.ok(got.every((g, i) => g.equals(messages[i]!)), `seed ${seed}: byte for byte, in order`);
    t.ok(parts.some((p) => p > 1), `seed ${seed}: messages across reads came as several views, not joined`);
    t.equal(toWs.length, 0, `seed ${seed}: ws saw nothing`);
  }
});

for (const [what, odd] of [
  ['a close frame', frame(Buffer.of(3, 232), 8)],
  ['a ping', frame(Buffer.from('p'), 9)],
  ['a text message', frame(Buffer.from('hi'), 1)],
  ['a fragment', frame(Buffer.from('part'), 2, false)],
  ['a masked frame', Buffer.of(0x82, 0x81, 1, 2, 3, 4, 5)],
  ['a message over maxPayload', frame(Buffer.alloc(2000))],
] as const) {
  t.test(`${what} hands the socket back to ws with exactly the bytes from it on`, async (t) => {
    const { socket, got, toWs } = setup(1000);
    const before = randomBytes(700);
    const after = frame(randomBytes(50));
    const all = Buffer.concat([frame(before), odd, after]);
    for (const c of cuts(all, 7)) socket.write(c);
    socket.write(Buffer.from('later'));
    await new Promise((r) => setImmediate(r));
    t.equal(got.length, 1, 'the message before it was read here');
    t.ok(got[0]!.equals(before));
    t.ok(Buffer.concat(toWs).equals(Buffer.concat([odd, after, Buffer.from('later')])), 'ws got the rest, in order, and later reads too');
  });
}

t.test('not installed when ws does not read the socket through one data listener', async (t) => {
  const socket = new PassThrough();
  t.equal(DirectReceive.install(socket, 1000, () => {}), null);
});
