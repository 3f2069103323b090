// Hub RSS per idle edge over TLS vs the insecure dev mode (hub here, edges in a child process).
// npm run build && node --expose-gc scripts/probe-tls-rss.mjs 1000 tls   (or: ... 1000 dev). A probe, not a benchmark: one noisy run.
import { fork } from 'node:child_process';
import { CloudHub } from '../dist/index.js';
const N = Number(process.argv[2] ?? 1000);
if (process.argv[2] === 'child') {
  const { EdgeHub } = await import('../dist/index.js');
  process.on('message', async ({ url, ca, tokens }) => {
    const edges = [];
    for (const [node, token] of tokens) edges.push(await EdgeHub.start({ cloud: url, node, token, ...(ca ? { ca } : { insecure: 'dev' }), store: 'memory', log: 'silent' }));
    await Promise.all(edges.map((e) => e.waitOnline(60_000)));
    process.send('up');
  });
} else {
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', store: 'memory', ...(process.argv[3] === 'dev' ? { insecure: 'dev' } : { tls: {} }), pingIntervalMs: 60_000 });
  const gc = () => { if (global.gc) global.gc(); };
  gc(); await new Promise((r) => setTimeout(r, 500)); gc();
  const before = process.memoryUsage().rss;
  const child = fork(new URL(import.meta.url).pathname, ['child'], { stdio: 'inherit' });
  const tokens = Array.from({ length: N }, (_, i) => [`e-${i}`, hub.mintToken(`e-${i}`)]);
  child.send({ url: hub.url, ca: hub.ca, tokens });
  await new Promise((r) => child.once('message', r));
  await new Promise((r) => setTimeout(r, 3000)); gc(); await new Promise((r) => setTimeout(r, 500)); gc();
  const after = process.memoryUsage().rss;
  console.log(`${process.argv[3] ?? 'tls'}: ${N} idle edges: hub RSS +${((after - before) / N / 1024).toFixed(1)} KiB per edge`);
  child.kill(); await hub.close(); process.exit(0);
}
