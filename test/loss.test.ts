/**
 * Real packet loss (issue 6): inside a private network namespace, nftables
 * drops 10 % of the packets on the hub's port, both ways, while 2000
 * messages flow each way over two paths. Every message arrives once, in
 * order per lane. Needs root (CI runs as root); skipped otherwise, saying why.
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LossNamespace, namespaceUnavailable } from '../bench/loss/namespace.js';

const SCENARIO = fileURLToPath(new URL('./helpers/lossy-delivery.ts', import.meta.url));
const PER_DIRECTION = 2000;
const why = namespaceUnavailable();

t.test('10 % packet loss, two paths: 2000 messages each way arrive once each and in order', { skip: why ?? false }, async (t) => {
  const ns = LossNamespace.create();
  t.teardown(() => ns.remove());
  // The TypeScript loader tap runs this file with, so the child runs the .ts scenario as well.
  const loader = process.execArgv.filter((a) => a.includes('@tapjs/typescript') || a === '--enable-source-maps');
  const out = await new Promise<string>((resolve, reject) => {
    execFile('ip', ['netns', 'exec', ns.name, process.execPath, ...loader, SCENARIO, '100', String(PER_DIRECTION), '2'],
      { timeout: 170_000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
  const { seen, stats, dropped } = JSON.parse(out.trim().split('\n').pop()!) as {
    dropped: number;
    seen: Record<'edge' | 'cloud', Record<string, number[]>>;
    stats: Record<'edge' | 'cloud', { redundant: number; duplicates: number; fastRetransmits: number }>;
  };
  t.ok(dropped > 0, `the link really lost packets (${dropped} dropped by nftables)`);
  const expected = Array.from({ length: PER_DIRECTION / 4 }, (_, i) => i);
  for (const side of ['edge', 'cloud'] as const) {
    for (const lane of ['control', 'state', 'events', 'bulk']) {
      t.same(seen[side][lane], expected, `${side}: ${lane} complete, in order, none twice`);
    }
  }
  t.ok(stats.edge.redundant + stats.cloud.redundant > 0, 'second copies over the other path were dropped on receipt');
  t.comment(`fast retransmits: edge ${stats.edge.fastRetransmits}, cloud ${stats.cloud.fastRetransmits}; copies dropped: edge ${stats.edge.redundant}, cloud ${stats.cloud.redundant}`);
});
