// A process that sends a message before its commit and dies before the commit:
// it appends `a` and waits for it to be durable (its commit carries the lane's
// seq reservation), appends `b`, prints what pending() hands out for sending,
// then never ends the turn, so b's record is never written. The test kills it.
import { writeSync } from 'node:fs';
import { LmdbStore, lanePolicies } from '../../dist/link/index.js';

const store = LmdbStore.open(process.argv[2]);
const outbox = store.outbox('edge-1', lanePolicies());
outbox.peerOnline(true);
const EVENTS = 2;
const msg = (id) => ({ id, key: '', createdAt: Date.now(), payload: Buffer.from(id) });
const a = outbox.append(EVENTS, msg('a'));
await a.durable;
// The reservation's sync resolves beside a's; a few turns at most.
for (let i = 0; i < 1000 && outbox.lanes[EVENTS].speculateTo === 0; i++) await new Promise((r) => setImmediate(r));
const b = outbox.append(EVENTS, msg('b'));
const sent = outbox.pending(EVENTS, a.seq, 10, 1 << 20, Date.now()).map((e) => e.seq);
writeSync(1, `${JSON.stringify({ a: a.seq, b: b.seq, bDurable: b.durable === undefined, sent })}\n`);
for (;;) { /* b's commit would be written at the end of this turn */ }
