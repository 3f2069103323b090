/**
 * Authentication at the upgrade: the token's node name is the only name a
 * socket may speak for; expired, tampered and foreign tokens get HTTP 401
 * before a socket exists, and every refusal leaves a log line.
 */
import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { CloseCode, EdgeHub, mintToken } from '../index.js';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { captureLog, LEVEL } from './helpers/log-capture.js';
import { closedWithin, rawConnect } from './helpers/raw-client.js';

const SECRET = randomBytes(32);
const REFUSED = 'edge refused at upgrade: 401';

/** Replaces the character at `i` with a different base64url character. */
function flipChar(s: string, i: number): string {
  const c = s[i] === 'A' ? 'B' : 'A';
  return s.slice(0, i) + c + s.slice(i + 1);
}

t.test('tokens and node names', async (t) => {
  const cap = captureLog();
  const hub = await startHub({ secret: SECRET, log: cap.log });
  t.teardown(() => hub.close());
  const good = mintToken(SECRET, 'edge-1', 60_000);

  /** Connects and expects a 401 before the upgrade, with a warn line naming the reason. */
  async function refused(t: Test, what: string, o: Parameters<typeof rawConnect>[1], reason: RegExp): Promise<void> {
    const before = cap.find(REFUSED).length;
    const c = await rawConnect(hub, o);
    t.equal(c.status, 401, `${what}: HTTP 401`);
    t.equal(c.ws.readyState !== c.ws.OPEN, true, `${what}: no socket was opened`);
    const lines = cap.find(REFUSED).slice(before);
    t.equal(lines.length, 1, `${what}: one log line`);
    t.equal(lines[0]?.level, LEVEL.warn, `${what}: logged as a warning`);
    t.match(String(lines[0]?.reason), reason, `${what}: the log line says why`);
    t.ok(lines[0]?.remote, `${what}: the log line names the remote address`);
  }

  await t.test('the good token connects (control case)', async (t) => {
    const c = await rawConnect(hub, { token: good, node: 'edge-1' });
    t.equal(c.status, null, 'upgraded');
    const w = await c.hello('edge-1');
    t.equal(w.body, 'welcome');
    c.ws.close(1000);
    await closedWithin(c);
  });

  await t.test('a token for edge-1 cannot connect as edge-2 (header mismatch)', async (t) => {
    await refused(t, 'mismatched x-isthmus-node', { token: good, node: 'edge-2' }, /edge-1.*edge-2/);
    t.equal(hub.node('edge-2'), undefined, 'no session for edge-2 was created');
  });

  await t.test('a Hello naming another node than the token is FORBIDDEN', async (t) => {
    const before = cap.find('hello names another node').length;
    const c = await rawConnect(hub, { token: good }); // no header: the Hello is the only claim
    t.equal(c.status, null, 'upgraded (the token itself is fine)');
    await t.rejects(c.hello('edge-2'), /closed before welcome/, 'no Welcome');
    const { code } = await closedWithin(c);
    t.equal(code, CloseCode.FORBIDDEN, 'closed with FORBIDDEN');
    const lines = cap.find('hello names another node').slice(before);
    t.equal(lines.length, 1, 'one log line');
    t.equal(lines[0]?.node, 'edge-1');
    t.equal(lines[0]?.claimed, 'edge-2');
    t.notOk(hub.node('edge-2')?.online, 'edge-2 is not online');
  });

  await t.test('expired tokens', async (t) => {
    const hourAgo = Date.now() - 3_600_000;
    await refused(t, 'expired an hour ago', { token: mintToken(SECRET, 'edge-1', 60_000, hourAgo), node: 'edge-1' }, /expired/);
    await refused(t, 'expired a second ago', { token: mintToken(SECRET, 'edge-1', 1_000, Date.now() - 2_000), node: 'edge-1' }, /expired/);
    // hub.mintToken with a tiny ttl expires too (expiry is in whole seconds: 1 ms lasts under 2 s).
    const short = hub.mintToken('edge-1', 1);
    const exp = (JSON.parse(Buffer.from(short.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp;
    await until(() => Date.now() > exp * 1000, 'the short token to expire', 5_000);
    await refused(t, 'expired hub-minted token', { token: short, node: 'edge-1' }, /expired/);
  });

  await t.test('tampered tokens', async (t) => {
    const [prefix, claims, sig] = good.split('.') as [string, string, string];
    await refused(t, 'a character of the claims flipped', { token: `${prefix}.${flipChar(claims, 10)}.${sig}`, node: 'edge-1' }, /bad signature/);
    await refused(t, 'a character of the signature flipped', { token: `${prefix}.${claims}.${flipChar(sig, 10)}`, node: 'edge-1' }, /bad signature/);
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), node: 'edge-2' })).toString('base64url');
    await refused(t, 'claims rewritten to another node', { token: `${prefix}.${forged}.${sig}`, node: 'edge-2' }, /bad signature/);
    const longer = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), exp: 4_000_000_000 })).toString('base64url');
    await refused(t, 'expiry pushed out', { token: `${prefix}.${longer}.${sig}`, node: 'edge-1' }, /bad signature/);
    await refused(t, 'signature cut', { token: `${prefix}.${claims}.${sig.slice(0, 20)}`, node: 'edge-1' }, /bad signature/);
    await refused(t, 'wrong prefix', { token: `ist9.${claims}.${sig}`, node: 'edge-1' }, /not an isthmus token/);
  });

  await t.test('a token signed with another secret', async (t) => {
    await refused(t, 'other secret', { token: mintToken(randomBytes(32), 'edge-1', 60_000), node: 'edge-1' }, /bad signature/);
  });

  await t.test('no token, or not a bearer token', async (t) => {
    await refused(t, 'no authorization header', { node: 'edge-1' }, /no token/);
    await refused(t, 'basic auth', { authorization: `Basic ${Buffer.from('edge-1:x').toString('base64')}`, node: 'edge-1' }, /no token/);
    await refused(t, 'garbage', { token: 'x'.repeat(5000), node: 'edge-1' }, /too long/);
  });

  await t.test('the hub still serves good edges after all that', async (t) => {
    const edge = await startEdge(hub, 'edge-1');
    t.teardown(() => edge.close());
    await edge.waitOnline(10_000);
    const r = await hub.send('edge-1', { lane: 'control', payload: 'ping' });
    t.same(await r.delivered, { status: 'delivered' });
  });
});


t.test('an edge hub with a bad token', async (t) => {
  const cap = captureLog();
  const hub = await startHub({ secret: SECRET, log: cap.log });
  const edge = await EdgeHub.start({
    cloud: hub.url, node: 'edge-1', token: mintToken(randomBytes(32), 'edge-1', 60_000), log: 'silent', insecure: 'dev',
    backoff: { baseMs: 20, capMs: 100, stableMs: 1000 },
  });
  t.teardown(async () => { await edge.close(); await hub.close(); });
  let online = 0;
  edge.on('online', () => online++);
  hub.on('online', () => online++);
  const refusals = (): number => cap.find(REFUSED, (l) => l.node === 'edge-1').length;

  await t.test('is refused and never goes online (no crash)', async (t) => {
    await until(() => refusals() >= 1, 'the first refusal', 10_000);
    // It is still alive and queues while refused.
    const r = await edge.publish({ lane: 'events', payload: 'queued' });
    t.ok(r.seq > 0, 'publish still accepts (store-and-forward)');
    t.equal(edge.status().lanes.events.messages, 1, 'one message queued');
  });

  await t.test('keeps retrying with backoff', async (t) => {
    await until(() => refusals() >= 5, 'five refused attempts', 5_000);
    t.ok(edge.status().attempts >= 4, 'the edge counts its attempts');
  });

  t.equal(online, 0, 'never online, on either side');
  t.equal(edge.online, false);
  t.notOk(hub.node('edge-1')?.online, 'the hub has no session for it');
});
