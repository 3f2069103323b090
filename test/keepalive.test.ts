/**
 * The hand-written Ping/Pong codec (proto/keepalive.ts) writes what protobufjs
 * writes, and reads a frame only when protobufjs would read it the same way;
 * anything else (unknown or repeated fields, truncation, other frames) it
 * leaves to protobufjs (null).
 */
import t from 'tap';
import { decodeKeepaliveFast, encodeKeepalive } from '../proto/keepalive.js';
import { decodeFrame, DefaultWireLimits, encodeFrame, pb } from '../proto/index.js';
import { prng } from '../bench/prng.js';

const rand = prng(7);
/** Values at the edges of varint lengths, zero (omitted on the wire), and random safe integers. */
function value(): number {
  const r = rand();
  if (r < 0.1) return 0;
  if (r < 0.4) return Math.floor(rand() * 2 ** Math.floor(rand() * 53));
  const bits = Math.floor(rand() * 8) * 7;
  return Math.max(0, 2 ** bits - (rand() < 0.5 ? 1 : 0));
}

t.test('encodes byte for byte as protobufjs, and both readers agree', async (t) => {
  let checked = 0;
  for (let i = 0; i < 3000; i++) {
    const kind = rand() < 0.5 ? 'ping' : 'pong';
    const nonce = value();
    const sentAt = value();
    const mine = Buffer.from(encodeKeepalive(kind, nonce, sentAt));
    const theirs = Buffer.from(encodeFrame({ [kind]: { nonce, sentAt } }));
    if (!mine.equals(theirs)) { t.fail(`${kind} ${nonce} ${sentAt}: ${mine.toString('hex')} vs ${theirs.toString('hex')}`); continue; }
    const fast = decodeKeepaliveFast(mine);
    const ref = pb.Frame.decode(mine);
    const body = (f: typeof ref): unknown => ({ body: f.body, nonce: Number(f[kind]!.nonce ?? 0), sentAt: Number(f[kind]!.sentAt ?? 0) });
    if (!fast) { t.fail(`not read fast: ${mine.toString('hex')}`); continue; }
    if (JSON.stringify(body(fast as typeof ref)) !== JSON.stringify(body(ref))) { t.fail(`read differently: ${mine.toString('hex')}`); continue; }
    checked++;
  }
  t.equal(checked, 3000, 'every frame written the same and read the same');
});

t.test('leaves to protobufjs what it does not fully understand', async (t) => {
  const ping = Buffer.from(encodeKeepalive('ping', 300, 1_700_000_000_000));
  const cases: Array<[string, Buffer]> = [
    ['an unknown field', Buffer.concat([Buffer.from([0x2a, ping[1]! + 2]), ping.subarray(2), Buffer.from([0x18, 0x01])])],
    ['a repeated field (protobufjs keeps the last)', Buffer.concat([Buffer.from([0x2a, ping[1]! + 2]), ping.subarray(2), Buffer.from([0x08, 0x05])])],
    ['a truncated varint', Buffer.from([0x2a, 0x02, 0x08, 0x80])],
    ['a length past the end', Buffer.from([0x2a, 0x05, 0x08, 0x01])],
    ['trailing bytes after the frame', Buffer.concat([ping, Buffer.from([0x00])])],
    ['a varint above 2^53', Buffer.from([0x2a, 0x0a, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])],
    ['another frame (an empty ack)', Buffer.from(encodeFrame({ ack: { cursors: [] } }))],
  ];
  for (const [what, bytes] of cases) t.equal(decodeKeepaliveFast(bytes), null, what);
  // The general path still reads (or refuses) them: a repeated nonce is read, last value wins.
  const repeated = decodeFrame(cases[1]![1], DefaultWireLimits);
  t.equal(Number(repeated.ping!.nonce), 5, 'the general decoder reads the repeated field, last wins');
  t.throws(() => decodeFrame(cases[2]![1], DefaultWireLimits), 'a truncated frame is refused by the general decoder');
});
