/**
 * The hand-written batch decoder (proto/batch-decoder.ts) must change speed,
 * never meaning: whatever it reads, protobufjs reads the same way, and
 * whatever protobufjs refuses, it leaves to protobufjs (returns null).
 */
import t from 'tap';
import { decodeBatchFast } from '../proto/batch-decoder.js';
import { encodeAckFrame, encodeBatchFrame, encodeFrame, encodeMessage, pb } from '../proto/index.js';
import { prng } from '../bench/prng.js';

const FIELDS = ['id', 'lane', 'seq', 'key', 'kind', 'op', 'type', 'namespace', 'name', 'resourceVersion', 'createdAt', 'expiresAt', 'traceId', 'contentType'] as const;
type Decoded = ReturnType<typeof pb.Frame.decode>;

/** A frame as comparable plain data: every field with its default applied. */
function plain(f: Decoded): unknown {
  if (f.body === 'ack') return { cursors: (f.ack!.cursors ?? []).map((c) => ({ epoch: c.epoch ?? '', lane: c.lane ?? 0, seq: Number(c.seq ?? 0) })) };
  if (f.body !== 'batch') return { body: f.body };
  return {
    messages: (f.batch!.messages ?? []).map((m) => ({ ...Object.fromEntries(FIELDS.map((k) => [k, m[k]])), payload: Buffer.from(m.payload).toString('hex') })),
    acks: (f.batch!.acks ?? []).map((c) => ({ epoch: c.epoch ?? '', lane: c.lane ?? 0, seq: Number(c.seq ?? 0) })),
  };
}

/** protobufjs's reading of the bytes, or 'throws'. */
function reference(bytes: Uint8Array): unknown {
  try {
    return plain(pb.Frame.decode(bytes));
  } catch {
    return 'throws';
  }
}

const random = prng(20261121);
const rng = { int: (n: number): number => Math.floor(random() * n) };
const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
const STRINGS = ['', 'a', 'edge-1/temp', 'x'.repeat(200), 'application/msgpack'];
/** Rare, as in real traffic: a message with one takes the general path. */
const FOREIGN = ['ü', 'k/é/😀'];
const NUMBERS = [0, 1, 127, 128, 300, 2 ** 31 - 1, 2 ** 32, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER];

function randomMessage(): Record<string, unknown> {
  const m: Record<string, unknown> = { seq: pick(NUMBERS) || 1, lane: rng.int(4), payload: Buffer.alloc(pick([0, 1, 64, 1000]), rng.int(256)) };
  for (const f of ['id', 'key', 'kind', 'namespace', 'name', 'traceId', 'contentType']) if (rng.int(2)) m[f] = rng.int(40) ? pick(STRINGS) : pick(FOREIGN);
  for (const f of ['resourceVersion', 'createdAt', 'expiresAt']) if (rng.int(2)) m[f] = pick(NUMBERS);
  if (rng.int(2)) m.op = rng.int(5);
  if (rng.int(2)) m.type = rng.int(3);
  return m;
}

function randomFrame(): Uint8Array {
  const acks = rng.int(2) ? Array.from({ length: rng.int(4) }, () => ({ epoch: rng.int(20) ? pick(['', 'e1']) : 'ü', lane: rng.int(4), seq: pick(NUMBERS) })) : [];
  if (rng.int(5) === 0) {
    const received = rng.int(2) ? acks.slice(0, 1) : [];
    return rng.int(2) ? encodeFrame({ ack: { cursors: acks, received } }) : encodeAckFrame(acks, received);
  }
  const messages = Array.from({ length: 1 + rng.int(4) }, randomMessage);
  // Both encoders the hubs use, and protobufjs's own.
  if (rng.int(2)) return encodeFrame({ batch: { messages, acks } });
  return encodeBatchFrame(messages.map((m) => Buffer.from(encodeMessage(m))), acks.length ? acks : undefined);
}

t.test('valid batches and acks: the fast reading equals protobufjs\'s, and ASCII batches take the fast path', async (t) => {
  let fast = 0;
  const differ: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const bytes = randomFrame();
    const ours = decodeBatchFast(bytes);
    if (ours === null) continue;
    fast++;
    if (JSON.stringify(plain(ours)) !== JSON.stringify(reference(bytes))) differ.push(Buffer.from(bytes).toString('hex'));
  }
  t.same(differ, [], 'no frame read differently');
  t.ok(fast > 1500, `${fast} of 3000 random batches decoded on the fast path`);
  const ascii = encodeBatchFrame([encodeMessage({ id: 'a.1', seq: 5, lane: 2, kind: 'Tick', payload: Buffer.from('hi'), createdAt: 1_700_000_000_000 })]);
  t.not(decodeBatchFast(ascii), null, 'what the hubs send goes the fast way');
});

t.test('damaged, extended and foreign bytes: never a reading protobufjs would not give', async (t) => {
  let checked = 0;
  const differ: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const bytes = Buffer.from(randomFrame());
    switch (rng.int(4)) {
      case 0: bytes[rng.int(bytes.length)] = rng.int(256); break;
      case 1: bytes[rng.int(bytes.length)] ^= 0x80; break;
      case 2: { const cut = bytes.subarray(0, rng.int(bytes.length)); cut[0] = 0x1a; checkOne(cut); continue; }
      default: { const b = Buffer.concat([bytes, Buffer.from([rng.int(256), rng.int(256)])]); checkOne(b); continue; }
    }
    checkOne(bytes);
  }
  function checkOne(bytes: Uint8Array): void {
    const ours = decodeBatchFast(bytes);
    if (ours === null) return;
    checked++;
    if (JSON.stringify(plain(ours)) !== JSON.stringify(reference(bytes))) differ.push(Buffer.from(bytes).toString('hex'));
  }
  t.same(differ, [], 'no damaged frame read differently');
  t.ok(checked > 400, `${checked} damaged frames read on the fast path, each as protobufjs reads it`);
});

t.test('what the fast path leaves to protobufjs', async (t) => {
  const base = { seq: 1, lane: 0, id: 'x' };
  t.equal(decodeBatchFast(encodeFrame({ ping: { nonce: 1, sentAt: 2 } })), null, 'other frames');
  t.equal(decodeBatchFast(encodeFrame({ batch: { messages: [{ ...base, kind: 'ü' }] } })), null, 'a non-ASCII string (UTF-8 is checked there)');
  // A lane of 2^32 + 1: protobufjs reads an int32 enum as its low 32 bits.
  const wide = Buffer.from([0x1a, 0x0c, 0x0a, 0x0a, 0x10, 0x81, 0x80, 0x80, 0x80, 0x10, 0x18, 0x01, 0x0a, 0x00]);
  t.equal(decodeBatchFast(wide), null, 'an enum above 2^31');
  t.equal(decodeBatchFast(Buffer.from([0x1a, 0x05, 0x0a, 0x03, 0x80, 0x01, 0x01])), null, 'an unknown field (16)');
  const twice = Buffer.concat([encodeFrame({ batch: { messages: [base] } }), encodeFrame({ batch: { messages: [base] } })]);
  t.equal(decodeBatchFast(twice), null, 'two batch fields');
});
