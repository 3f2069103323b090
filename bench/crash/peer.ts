/**
 * One side of the crash harness, run as a child process and killed with
 * SIGKILL at random moments: a cloud hub or an edge hub on the lmdb store
 * that publishes messages 1..total at full speed and logs, with writeSync
 * (which survives SIGKILL), each number it is about to publish and each
 * number acknowledged to it (durable); each message delivered to it is
 * recorded in its store's kv, in the delivery's own transaction.
 *
 * usage: node peer.js cloud|edge DATA LOGS TOTAL PORT SECRET
 */
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHub, EdgeHub, mintToken, QueueFullError, type KeyValue, type LaneName, type SendInput } from '../../index.js';

const [role, data, logs, totalText, portText, secret] = process.argv.slice(2) as [string, string, string, string, string, string];
const total = Number(totalText);
const LANES: LaneName[] = ['control', 'state', 'events', 'bulk'];
/** State messages cycle over this many keys: coalescing happens all the time. */
export const STATE_KEYS = 50;
const WINDOW = 500;

function log(name: string): number {
  return openSync(join(logs, `${role}-${name}.log`), 'a');
}

/** Where publishing left off: the last number attempted, never published twice. */
function lastAttempted(): number {
  const file = join(logs, `${role}-attempted.log`);
  if (!existsSync(file)) return 0;
  const lines = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  return lines.length ? Number(lines[lines.length - 1]) : 0;
}

export function messageFor(n: number): SendInput {
  const lane = LANES[n % 4]!;
  return { lane, key: lane === 'state' ? `k${n % STATE_KEYS}` : undefined, payload: { n } };
}

const attempted = log('attempted');
const acked = log('acked');
/**
 * The application's effect: a record of each delivery in the hub's kv, which
 * commits with the delivery itself (exactly-once effect). The harness reads
 * these records from the store after the run.
 */
let kv: KeyValue;
const onMessage = (lane: string, value: unknown, seq: number): void => {
  const count = ((kv.get('count') as number | undefined) ?? 0) + 1;
  kv.put(['d', count], `${lane} ${(value as { n: number }).n} ${seq}`);
  kv.put('count', count);
};

let publish: (input: SendInput) => Promise<{ seq: number }>;
/** The link's internals, written on SIGUSR2 for a post-mortem of a failed run. */
let link: () => unknown = () => null;
process.on('SIGUSR2', () => {
  const l = link() as Record<string, unknown> & { outbox: { lanes: unknown[] } };
  const pick = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v !== 'object' || Array.isArray(v)).map(([k, v]) => [k, Array.isArray(v) && v.length > 8 ? `[${v.length}]` : v]));
  const dump = l ? { link: pick(l), lanes: l.outbox.lanes.map((q) => pick(q as Record<string, unknown>)), inFlight } : null;
  writeFileSync(join(logs, `${role}-dump.json`), JSON.stringify(dump, null, 2));
});
if (role === 'cloud') {
  const hub = await CloudHub.start({ listen: `127.0.0.1:${portText}`, dataDir: data, secret, log: (process.env.CRASH_LOG as 'warn') ?? 'silent', pingIntervalMs: 1000, insecure: 'dev' });
  kv = hub.kv;
  hub.on('message', (_node, m) => onMessage(m.lane, m.value, m.seq));
  publish = (input) => hub.send('edge-1', input);
  link = () => (hub as unknown as { links: Map<string, unknown> }).links.get('edge-1');
} else {
  const token = mintToken(Buffer.from(secret, 'utf8'), 'edge-1', 86_400_000);
  const edge = await EdgeHub.start({
    cloud: `ws://127.0.0.1:${portText}`, insecure: 'dev', node: 'edge-1', token, dataDir: data, log: (process.env.CRASH_LOG as 'warn') ?? 'silent',
    backoff: { baseMs: 20, capMs: 300, stableMs: 2000 },
  });
  kv = edge.kv;
  edge.on('message', (m) => onMessage(m.lane, m.value, m.seq));
  publish = (input) => edge.publish(input);
  link = () => (edge as unknown as { link: unknown }).link;
}

// Progress for the harness, which cannot read the store while this process runs.
const countLog = log('count');
setInterval(() => writeSync(countLog, `${(kv.get('count') as number | undefined) ?? 0}\n`), 200);

let inFlight = 0;
async function one(n: number): Promise<void> {
  for (;;) {
    try {
      const { seq } = await publish(messageFor(n));
      writeSync(acked, `${n} ${seq}\n`); // the seq is the lane's order: a retried n may follow a later one
      return;
    } catch (err) {
      if (!(err instanceof QueueFullError)) throw err;
      await new Promise((r) => setTimeout(r, 50)); // not accepted: trying again cannot duplicate it
    }
  }
}

for (let n = lastAttempted() + 1; n <= total; n++) {
  writeSync(attempted, `${n}\n`);
  inFlight++;
  void one(n).finally(() => { inFlight--; });
  while (inFlight >= WINDOW) await new Promise((r) => setImmediate(r));
}
while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
closeSync(attempted);
writeSync(log('status'), 'published\n');
// Stay up to deliver and receive until the harness stops this process.
