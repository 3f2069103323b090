/**
 * Admission control: a token bucket admits `burst` edges at once, then
 * `ratePerSecond`; the others get HTTP 503 with x-isthmus-retry-after-ms
 * spread over the queue (one slot per 1/rate) plus jitter, and real edge hubs
 * obey it until every one is in.
 */
import t from 'tap';
import { Admission, admissionConfigForTest } from './helpers/admission.js';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { tryUpgrade } from './helpers/upgrade.js';
import { scrape } from './helpers/scrape.js';
import type { EdgeHub } from '../index.js';

t.test('token bucket: burst, then one slot per 1/rate, jitter within bounds, refill', async (t) => {
  let now = 0;
  const a = new Admission(admissionConfigForTest({ ratePerSecond: 10, burst: 3, jitterMs: 0, maxRetryAfterMs: 60_000 }), () => now, () => 0.5);
  for (let i = 0; i < 3; i++) t.same(a.take(), { admitted: true }, `burst ${i}`);
  const waits = Array.from({ length: 5 }, () => a.take());
  t.same(waits.map((w) => (w.admitted ? -1 : w.retryAfterMs)), [100, 200, 300, 400, 500], 'each refused edge gets the next slot: 100 ms apart at 10/s');
  now = 150; // 1.5 tokens have come back
  t.same(a.take(), { admitted: true }, 'refilled at the rate');
  const jittered = new Admission(admissionConfigForTest({ ratePerSecond: 10, burst: 1, jitterMs: 1000, maxRetryAfterMs: 60_000 }), () => 0, () => 0.999);
  jittered.take();
  const w = jittered.take();
  t.ok(!w.admitted && w.retryAfterMs > 1000 && w.retryAfterMs <= 1100, `jitter adds up to jitterMs (${!w.admitted && w.retryAfterMs})`);
  const capped = new Admission(admissionConfigForTest({ ratePerSecond: 1, burst: 1, jitterMs: 0, maxRetryAfterMs: 2500 }), () => 0, () => 0);
  capped.take();
  const last = Array.from({ length: 5 }, () => capped.take()).pop()!;
  t.same(last, { admitted: false, retryAfterMs: 2500 }, 'capped at maxRetryAfterMs');
  t.same(new Admission(admissionConfigForTest({ ratePerSecond: 0, burst: 1, jitterMs: 0, maxRetryAfterMs: 1 })).take(), { admitted: true }, 'rate 0: off');
});

t.test('bad admission settings name the key', async (t) => {
  await t.rejects(startHub({ admission: { ratePerSecond: -1 } }), /admission\.ratePerSecond must be an integer of at least 0, got -1/);
  await t.rejects(startHub({ admission: { burst: 0 } }), /admission\.burst must be an integer of at least 1, got 0/);
  await t.rejects(startHub({ admission: { rate: 5 } as never }), /admission\.rate is not a setting; known: ratePerSecond, burst/);
  await t.rejects(startHub({ drainRedirect: 'http://x' }), /drainRedirect must be a ws:\/\/ or wss:\/\/ URL, got "http:\/\/x"/);
});

t.test('the hub answers 503 + retry-after past the burst; the waits grow with the queue', async (t) => {
  const hub = await startHub({ admin: '127.0.0.1:0', admission: { ratePerSecond: 2, burst: 2, jitterMs: 0 } });
  t.teardown(() => hub.close());
  const token = hub.mintToken('edge-1');
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push(await tryUpgrade(hub.url, token));
  t.same(answers.map((a) => a.status), [101, 101, 503, 503, 503]);
  const waits = answers.slice(2).map((a) => Number(a.headers['x-isthmus-retry-after-ms']));
  t.ok(waits[0]! > 0 && waits[0]! < waits[1]! && waits[1]! < waits[2]!, `waits grow by a slot each: ${waits.join(', ')} ms`);
  t.equal(answers[2]!.headers['retry-after'], String(Math.ceil(waits[0]! / 1000)), 'retry-after in seconds too');
  t.equal((await scrape(hub.adminUrl!)).value('isthmus_upgrades_refused_total', { reason: 'admission' }), 3);
  t.equal((await tryUpgrade(hub.url, 'ist1.bad.token')).status, 401, 'a stranger gets 401: authentication comes before admission');
});

t.test('30 edges at once against burst 5, 50/s: all come in, obeying retry-after', async (t) => {
  const hub = await startHub({ admin: '127.0.0.1:0', admission: { ratePerSecond: 50, burst: 5, jitterMs: 100 } });
  const edges: EdgeHub[] = [];
  t.teardown(async () => { await Promise.all(edges.map((e) => e.close())); await hub.close(); });
  // Backoff alone would bring them back within 20-200 ms; the hub's retry-after holds them longer.
  for (let i = 0; i < 30; i++) edges.push(await startEdge(hub, `edge-${i}`, { backoff: { baseMs: 10, capMs: 50, stableMs: 1000 } }));
  await until(() => edges.every((e) => e.online), 'all 30 online', 30_000);
  const m = await scrape(hub.adminUrl!);
  const refused = m.value('isthmus_upgrades_refused_total', { reason: 'admission' })!;
  t.ok(refused >= 25, `at least 25 deferred at first (${refused})`);
  // Each deferred edge comes back at its slot and is admitted: about one refusal per deferred edge.
  // Edges ignoring the header would retry every 10-50 ms for up to half a second: hundreds of refusals.
  t.ok(refused < 30 * 2, `edges waited as told instead of hammering (${refused} refusals for 30 edges)`);
  t.equal(m.value('isthmus_connected_nodes'), 30);
});
