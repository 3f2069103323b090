/**
 * The edge's direct WebSocket writes (edgehub/ws-direct.ts): messages masked
 * in place and written on ws's own socket are valid RFC 6455 client frames
 * (another implementation, ws's server, reads them: it refuses unmasked
 * client frames), of every length encoding, in order with ws's own sends.
 */
import t from 'tap';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import WebSocket, { WebSocketServer } from 'ws';
import { writeMaskedBinary } from '../edgehub/ws-direct.js';
import { nonZeroMask } from '../edgehub/ws-mask.js';

t.test('masked messages written on the socket arrive whole, in order with ws.send, for 0 to 200 KB', async (t) => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const got: Buffer[] = [];
  const closed = new Promise<number>((resolve) => {
    server.once('connection', (peer) => {
      peer.on('message', (data: Buffer, isBinary: boolean) => { t.ok(isBinary); got.push(Buffer.from(data)); });
      peer.once('close', (code) => resolve(code));
    });
  });
  const ws = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, { perMessageDeflate: false, generateMask: nonZeroMask });
  let raw: Duplex | null = null;
  ws.once('upgrade', (res) => { raw = res.socket; });
  await new Promise((r) => ws.once('open', r));
  t.ok(raw, 'the socket under ws, from its upgrade event');
  const sizes = [0, 1, 125, 126, 127, 4096, 65_535, 65_536, 65_555, 200_000];
  const sent: Buffer[] = [];
  let written = 0;
  for (const n of sizes) {
    const payload = randomBytes(n);
    sent.push(Buffer.from(payload), Buffer.from(`after ${n}`));
    writeMaskedBinary(raw!, payload, (err) => { t.error(err); written++; });
    ws.send(Buffer.from(`after ${n}`));
  }
  await new Promise<void>((resolve) => { const check = (): void => { if (got.length >= sent.length) resolve(); else setTimeout(check, 5); }; check(); });
  t.equal(written, sizes.length, 'every write called back');
  t.same(got.map((b) => b.length), sent.map((b) => b.length));
  t.ok(got.every((b, i) => b.equals(sent[i]!)), 'every message byte for byte, in order');
  ws.close(1000);
  t.equal(await closed, 1000, 'a clean close after them: the server found no protocol error');
  server.close();
});

t.test('masking keys are never all zero (ws would then write unmasked, holding the caller\'s buffer)', async (t) => {
  const mask = Buffer.alloc(4);
  let zero = 0;
  for (let i = 0; i < 20_000; i++) { nonZeroMask(mask); if ((mask[0]! | mask[1]! | mask[2]! | mask[3]!) === 0) zero++; }
  t.equal(zero, 0);
});
