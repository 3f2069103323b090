// A cloud hub in its own process (so that the edge under test can block its
// event loop while the hub goes on writing). Prints {url, token} as a JSON
// line; on a stdin line {"bulk":N,"control":K} it sends N bulk messages (1 KiB,
// index in the first 4 bytes) to the node, then, 100 ms later, K control
// messages 20 ms apart, and prints {"sent":true}.
import { createInterface } from 'node:readline';
import { CloudHub } from '../../dist/index.js';

const NODE = process.argv[2];
const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', insecure: 'dev', store: 'memory' });
process.stdout.write(`${JSON.stringify({ url: hub.url, token: hub.mintToken(NODE) })}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for await (const line of createInterface({ input: process.stdin })) {
  const c = JSON.parse(line);
  if (c.exit) break;
  const sends = [];
  for (let i = 0; i < c.bulk; i++) {
    const p = Buffer.alloc(1024);
    p.writeUInt32LE(i, 0);
    sends.push(hub.send(NODE, { lane: 'bulk', payload: p }));
  }
  await Promise.all(sends);
  await sleep(100);
  for (let k = 0; k < c.control; k++) {
    const p = Buffer.alloc(4);
    p.writeUInt32LE(k, 0);
    await hub.send(NODE, { lane: 'control', payload: p });
    await sleep(20);
  }
  process.stdout.write(`${JSON.stringify({ sent: true })}\n`);
}
await hub.close();
process.exit(0);
