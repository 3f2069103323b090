/**
 * `npm run crash [-- --total N --kills K --seed S]`: the full crash test,
 * 100k messages each way and 20 SIGKILLs of each process by default. Exits 1
 * on any loss, repeat or disorder.
 */
import { parseArgs } from 'node:util';
import { runCrash } from './harness.js';

const { values } = parseArgs({
  options: {
    total: { type: 'string', default: '100000' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    timeout: { type: 'string', default: '600000' },
  },
});
const o = { total: Number(values.total), kills: Number(values.kills), seed: Number(values.seed), gapMs: [300, 1500] as [number, number], timeoutMs: Number(values.timeout) };
console.log(`crash test: ${o.total} messages each way, ${o.kills} SIGKILLs of each process, seed ${o.seed}`);
const r = await runCrash({ ...o, log: (l) => console.log(l) });
for (const [dir, s] of [['cloud → edge', r.down], ['edge → cloud', r.up]] as const) {
  console.log(`${dir}: ${s.acked} acknowledged to the publisher, ${s.delivered} delivered; missing ${s.missing.length}, repeated ${s.duplicates.length}, out of order ${s.outOfOrder.length}, state keys without their newest value ${s.staleKeys.length}`);
  for (const [what, list] of [['missing', s.missing], ['repeated', s.duplicates], ['out of order', s.outOfOrder], ['stale', s.staleKeys]] as const) {
    if (list.length) console.log(`  ${what}: ${list.slice(0, 10).join(', ')}${list.length > 10 ? ' …' : ''}`);
  }
}
console.log(`${r.ok ? 'PASS' : 'FAIL'} in ${(r.elapsedMs / 1000).toFixed(1)} s (seed ${o.seed})`);
process.exit(r.ok ? 0 : 1);
