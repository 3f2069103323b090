/**
 * Backoff: full jitter (a uniform draw in [0, min(cap, base * 2^attempt))),
 * bounded by the cap however many attempts, reset() back to base; and through
 * a real edge hub, the attempt count resets only after the link stayed up for
 * stableMs.
 */
import t from 'tap';
import { Backoff, DefaultBackoff, type BackoffConfig } from '../index.js';
import { verifyBackoff } from '../link/index.js';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { prng as seeded } from '../bench/prng.js';


const CFG: BackoffConfig = { baseMs: 100, capMs: 10_000, stableMs: 1000 };
const ceilingAt = (c: BackoffConfig, attempt: number): number => Math.min(c.capMs, c.baseMs * 2 ** attempt);

/** `n` delays drawn at one attempt number, each from a fresh Backoff moved up to it. */
function drawsAt(attempt: number, n: number, random: () => number, c = CFG): number[] {
  const out: number[] = [];
  const b = new Backoff(c, random);
  for (let i = 0; i < n; i++) {
    b.reset();
    for (let k = 0; k < attempt; k++) b.next();
    out.push(b.next());
  }
  return out;
}

t.test('the ceiling doubles from base up to the cap, and stays there', async (t) => {
  const b = new Backoff(CFG);
  const ceilings: number[] = [];
  for (let i = 0; i < 12; i++) { ceilings.push(b.ceiling()); b.next(); }
  t.same(ceilings, [100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000, 10_000, 10_000]);
  t.equal(b.attempts, 12, 'one attempt counted per next()');
});

t.test('every delay lies in [0, min(cap, base * 2^attempt))', async (t) => {
  for (const [label, random] of [['seeded', seeded(1)], ['Math.random', Math.random]] as const) {
    let draws = 0;
    let bad = '';
    for (let run = 0; run < 200 && !bad; run++) {
      const b = new Backoff(CFG, random);
      for (let attempt = 0; attempt < 40; attempt++) {
        const ceiling = ceilingAt(CFG, attempt);
        if (b.ceiling() !== ceiling) { bad = `attempt ${attempt}: ceiling ${b.ceiling()}, expected ${ceiling}`; break; }
        const d = b.next();
        draws++;
        if (!(Number.isInteger(d) && d >= 0 && d < ceiling)) { bad = `attempt ${attempt}: ${d} outside [0, ${ceiling})`; break; }
      }
    }
    t.equal(bad, '', `${label}: ${draws} delays, all inside their window`);
  }
  // The extremes of the random source: 0 gives 0, the largest value below 1 stays below the ceiling.
  const low = new Backoff(CFG, () => 0);
  const high = new Backoff(CFG, () => 1 - Number.EPSILON);
  for (let attempt = 0; attempt < 10; attempt++) {
    const ceiling = ceilingAt(CFG, attempt);
    t.equal(low.next(), 0, `attempt ${attempt}: a draw of 0 gives 0`);
    t.equal(high.next(), ceiling - 1, `attempt ${attempt}: a draw just under 1 gives ceiling - 1`);
  }
});

t.test('delays are full jitter: uniform over the whole window', async (t) => {
  // For n uniform draws on [0, c): the mean has standard deviation c / sqrt(12 n).
  // With n = 20 000 that is 0.002 c; the bounds below are 10 standard deviations wide
  // (mean) or leave a probability under e^-100 of a false failure (minimum, maximum).
  const n = 20_000;
  for (const [label, random] of [['seeded', seeded(7)], ['Math.random', Math.random]] as const) {
    for (const attempt of [0, 3, 7, 20]) {
      const c = ceilingAt(CFG, attempt);
      const d = drawsAt(attempt, n, random);
      const mean = d.reduce((a, b) => a + b, 0) / n;
      const min = Math.min(...d);
      const max = Math.max(...d);
      t.ok(Math.abs(mean / c - 0.5) < 0.02, `${label}, attempt ${attempt} (ceiling ${c}): mean ${mean.toFixed(1)} is near ${c / 2}`);
      t.ok(min <= 0.01 * c, `${label}, attempt ${attempt}: minimum ${min} is near 0 (not a fixed floor)`);
      t.ok(max >= 0.99 * c - 1 && max < c, `${label}, attempt ${attempt}: maximum ${max} is near ${c} and below it`);
      // Deciles: each tenth of the window gets close to a tenth of the draws (sd 0.0021, bound 0.015).
      const buckets = new Array<number>(10).fill(0);
      for (const x of d) buckets[Math.floor((x / c) * 10)]!++;
      const worst = Math.max(...buckets.map((b) => Math.abs(b / n - 0.1)));
      t.ok(worst < 0.015, `${label}, attempt ${attempt}: every decile holds 10% +- 1.5% of the draws (worst off by ${(worst * 100).toFixed(2)}%)`);
    }
  }
});

t.test('bounded by the cap for large attempt counts', async (t) => {
  const b = new Backoff(CFG, seeded(3));
  let max = 0;
  for (let i = 0; i < 10_000; i++) {
    const d = b.next();
    if (!Number.isFinite(d) || d < 0 || d >= CFG.capMs) t.fail(`attempt ${i}: ${d}`);
    max = Math.max(max, d);
  }
  t.equal(b.attempts, 10_000);
  t.equal(b.ceiling(), CFG.capMs, 'the ceiling is the cap after 10 000 attempts');
  t.ok(max < CFG.capMs && max >= 0.99 * CFG.capMs, `largest delay ${max} is just under the cap`);
  // Huge base * 2^attempt would overflow to Infinity without the cap; it must not leak through.
  const big = new Backoff({ baseMs: 1e300, capMs: 1e300, stableMs: 0 }, () => 0.5);
  for (let i = 0; i < 2000; i++) big.next();
  t.ok(Number.isFinite(big.next()), 'no Infinity or NaN with extreme settings');
  // A zero cap means "retry at once", never a negative or NaN delay.
  const zero = new Backoff({ baseMs: 0, capMs: 0, stableMs: 0 }, Math.random);
  t.same(Array.from({ length: 5 }, () => zero.next()), [0, 0, 0, 0, 0], 'base = cap = 0 gives 0');
});

t.test('reset() starts again from base', async (t) => {
  const b = new Backoff(CFG, seeded(11));
  for (let i = 0; i < 9; i++) b.next();
  t.equal(b.ceiling(), CFG.capMs, 'at the cap after 9 attempts');
  b.reset();
  t.equal(b.attempts, 0, 'attempts back to 0');
  t.equal(b.ceiling(), CFG.baseMs, 'ceiling back to base');
  const first = b.next();
  t.ok(first >= 0 && first < CFG.baseMs, `the first delay after a reset (${first}) is below base`);
  t.equal(b.ceiling(), CFG.baseMs * 2, 'and it doubles again from there');
  let worst = 0;
  for (let i = 0; i < 2000; i++) {
    for (let k = 0; k < 1 + (i % 12); k++) b.next();
    b.reset();
    worst = Math.max(worst, b.next());
  }
  t.ok(worst < CFG.baseMs, `2000 resets from up to 12 attempts: every next delay below base (largest ${worst})`);
});

t.test('config validation', async (t) => {
  t.same(verifyBackoff({ ...DefaultBackoff }), DefaultBackoff, 'the defaults are valid');
  t.throws(() => verifyBackoff({ baseMs: 1000, capMs: 10, stableMs: 0 }), /capMs/, 'cap below base');
  t.throws(() => verifyBackoff({ baseMs: -1, capMs: 10, stableMs: 0 }), /baseMs/, 'negative base');
  t.throws(() => verifyBackoff({ baseMs: 1, capMs: NaN, stableMs: 0 }), /capMs/, 'NaN cap');
});

t.test('an edge hub resets its attempt count only after the link stayed up for stableMs', async (t) => {
  const STABLE = 1500;
  const hub = await startHub();
  const onlineAt: number[] = [];
  hub.on('online', () => onlineAt.push(Date.now()));
  const edge = await startEdge(hub, 'edge-1', { backoff: { baseMs: 10, capMs: 40, stableMs: STABLE } });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  await edge.waitOnline(10_000);
  t.equal(edge.status().attempts, 0, 'no failed attempt yet');

  // Three drops in quick succession (each well inside stableMs): the count climbs.
  for (let i = 1; i <= 3; i++) {
    const n = onlineAt.length;
    hub.disconnect('edge-1');
    await until(() => onlineAt.length > n && edge.online, `reconnect ${i}`, 10_000);
    t.equal(edge.status().attempts, i, `after drop ${i} the edge counts ${i} attempts`);
  }
  // Now the link stays up: after stableMs the count goes back to 0, not before.
  const upSince = onlineAt[onlineAt.length - 1]!;
  const n = onlineAt.length;
  await until(() => edge.status().attempts === 0, 'the attempt count to reset', 10_000);
  const resetAt = Date.now();
  t.equal(onlineAt.length, n, 'the link stayed up meanwhile');
  // Hub and edge share this process: the hub's 'online' handler runs before the edge can read
  // the Welcome that starts its stable timer, so upSince is a causal lower bound.
  t.ok(resetAt - upSince >= STABLE, `reset ${resetAt - upSince} ms after coming up, not before ${STABLE} ms`);

  // The next drop starts from base again: one attempt, not four.
  hub.disconnect('edge-1');
  await until(() => onlineAt.length > n && edge.online, 'reconnect after the reset', 10_000);
  t.equal(edge.status().attempts, 1, 'counting starts from the beginning');
});
