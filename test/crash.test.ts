/**
 * Crash safety, short variant (the full one: `npm run crash`): a cloud hub
 * and an edge hub as real processes on the lmdb store publish to each other
 * while they are killed with SIGKILL at random moments and restarted. Every
 * message acknowledged to a publisher is delivered exactly once, in order per
 * lane, and the newest value of every state key arrives.
 */
import t from 'tap';
import { runCrash } from '../bench/crash/harness.js';

t.test('SIGKILL at random moments loses and repeats nothing', async (t) => {
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
  const r = await runCrash({ total: 4000, kills: 3, gapMs: [250, 700], timeoutMs: 60_000, seed });
  t.comment(`seed ${seed}; kills: ${r.kills.map((k) => `${k.side}@${k.atMs}ms`).join(', ')}`);
  t.same(r.kills.map((k) => k.side).sort(), ['cloud', 'cloud', 'cloud', 'edge', 'edge', 'edge'], 'each process was killed three times');
  for (const [name, s] of [['cloud → edge', r.down], ['edge → cloud', r.up]] as const) {
    t.ok(s.acked > 0, `${name}: ${s.acked} acknowledged to the publisher, ${s.delivered} delivered`);
    t.same(s.missing, [], `${name}: nothing acknowledged is missing`);
    t.same(s.duplicates, [], `${name}: nothing delivered twice`);
    t.same(s.outOfOrder, [], `${name}: order kept per lane`);
    t.same(s.staleKeys, [], `${name}: the newest value of every state key arrived`);
  }
});
