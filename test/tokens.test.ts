/**
 * Token revocation (a deny list file the hub reloads) and rotation without
 * dropping the link (RenewToken over the open socket); sessions whose token
 * expires are closed.
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CloseCode, EdgeHub, type CloudHub } from '../index.js';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { captureLog, LEVEL } from './helpers/log-capture.js';
import { rawConnect } from './helpers/raw-client.js';
import { CLI } from './helpers/processes.js';

const run = promisify(execFile);
const tmp = (name: string): string => mkdtempSync(join(tmpdir(), `isthmus-tok-${name}-`));
const idOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { jti: string }).jti;
const expOf = (token: string): number => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp * 1000;

/** Resolves with the close code of the node's next offline. */
function nextOffline(hub: CloudHub, node: string): Promise<number> {
  return new Promise((resolve) => {
    const on = (n: string, info: { code: number }): void => { if (n === node) { hub.off('offline', on); resolve(info.code); } };
    hub.on('offline', on);
  });
}

t.test('revocation through the deny list file', async (t) => {
  const data = tmp('deny');
  const cap = captureLog();
  const hub = await startHub({ dataDir: data, store: 'memory', denyListPollMs: 50, log: cap.log });
  t.teardown(() => hub.close());
  t.equal(hub.denyListFile, join(data, 'revoked'), 'DATA/revoked by default');
  const t1 = hub.mintToken('edge-1');
  const t2 = hub.mintToken('edge-2');
  const e1 = await startEdge(hub, 'edge-1', { token: t1 });
  const e2 = await startEdge(hub, 'edge-2', { token: t2 });
  t.teardown(async () => { await e1.close(); await e2.close(); });
  await Promise.all([e1.waitOnline(), e2.waitOnline()]);

  await t.test('a token id revoked by `isthmus token revoke --token`: its live socket is closed with 4403', async (t) => {
    const closed = nextOffline(hub, 'edge-2');
    const { stdout } = await run(process.execPath, [CLI, 'token', 'revoke', '--token', t2, '--reason', 'test', '--data', data]);
    t.match(stdout, new RegExp(`revoked: id ${idOf(t2)}`));
    t.equal(await closed, CloseCode.FORBIDDEN, 'closed with 4403');
    const line = cap.find('token revoked; closing the live session')[0]!;
    t.match(line, { node: 'edge-2', tokenId: idOf(t2), level: LEVEL.warn });
    t.ok(hub.node('edge-1')!.online, 'edge-1 (another token) stays online');
  });

  await t.test('further upgrades with it get 401', async (t) => {
    const c = await rawConnect(hub, { token: t2, node: 'edge-2' });
    t.equal(c.status, 401);
    t.match(c.body, /revoked/);
    await until(() => e2.status().attempts >= 2, 'the edge retrying');
    t.notOk(hub.node('edge-2')!.online, 'the edge hub stays out');
  });

  await t.test('a node revoked: every token issued until now, live socket closed; a token minted later works', async (t) => {
    const closed = nextOffline(hub, 'edge-1');
    await run(process.execPath, [CLI, 'token', 'revoke', '--node', 'edge-1', '--data', data]);
    t.equal(await closed, CloseCode.FORBIDDEN);
    t.equal((await rawConnect(hub, { token: t1, node: 'edge-1' })).status, 401, 'the old token is refused');
    // Revocation covers tokens issued up to the revocation's second: mint the new one in a later second.
    const after = Math.ceil(Date.now() / 1000) * 1000 + 1;
    await new Promise((r) => setTimeout(r, after - Date.now()));
    const fresh = hub.mintToken('edge-1');
    const c = await rawConnect(hub, { token: fresh, node: 'edge-1' });
    t.equal(c.status, null, 'a token minted after the revocation is accepted');
    c.ws.close();
  });

  await t.test('token create --json gives the id that token revoke --id takes', async (t) => {
    const { stdout } = await run(process.execPath, [CLI, 'token', 'create', '--node', 'edge-3', '--ttl', '1h', '--json', '--data', data]);
    const minted = JSON.parse(stdout) as { token: string; id: string; node: string; expiresAt: string };
    t.match(minted, { node: 'edge-3', id: idOf(minted.token) });
    t.ok(Math.abs(Date.parse(minted.expiresAt) - expOf(minted.token)) < 1000, 'expiry as ISO time');
    const e3 = await startEdge(hub, 'edge-3', { token: minted.token });
    t.teardown(() => e3.close());
    await e3.waitOnline();
    const closed = nextOffline(hub, 'edge-3');
    await run(process.execPath, [CLI, 'token', 'revoke', '--id', minted.id, '--data', data]);
    t.equal(await closed, CloseCode.FORBIDDEN);
    await t.rejects(run(process.execPath, [CLI, 'token', 'revoke', '--id', minted.id, '--node', 'edge-3', '--data', data]), /give exactly one of --token, --id, --node/);
  });

  await t.test('a malformed deny list on reload keeps the previous list in force', async (t) => {
    const before = cap.find('token deny list not reloaded').length;
    appendFileSync(join(data, 'revoked'), 'revoke everything please\n');
    await until(() => cap.find('token deny list not reloaded').length > before, 'the reload error');
    const line = cap.find('token deny list not reloaded').at(-1)!;
    t.equal(line.level, LEVEL.error);
    t.match(String(line.err), /revoked:\d+: expected "id <token id>" or "node <name> \[<ISO time>\]"/, 'names the file, line and format');
    t.equal((await rawConnect(hub, { token: t2, node: 'edge-2' })).status, 401, 'revoked tokens stay revoked');
  });

  await t.test('a malformed deny list at start is a start error naming the line', async (t) => {
    const d = tmp('bad');
    writeFileSync(join(d, 'revoked'), '# ok\nnode Bad_Name\n');
    await t.rejects(startHub({ dataDir: d, store: 'memory' }), { message: /revoked:2: "Bad_Name" is not a valid node name/ });
  });
});

t.test('a session whose token expires is closed (4401) and cannot come back with it', async (t) => {
  const cap = captureLog();
  const hub = await startHub({ log: cap.log });
  t.teardown(() => hub.close());
  const short = hub.mintToken('edge-1', 1_000); // whole seconds: expires within 2 s
  const edge = await startEdge(hub, 'edge-1', { token: short });
  t.teardown(() => edge.close());
  const closed = nextOffline(hub, 'edge-1');
  await edge.waitOnline();
  t.equal(await closed, CloseCode.TOKEN_EXPIRED, 'closed with TOKEN_EXPIRED');
  t.ok(Date.now() >= expOf(short), 'not before the expiry');
  t.match(cap.find('session token expired; closing')[0], { node: 'edge-1', tokenId: idOf(short) });
  await until(() => cap.find('edge refused at upgrade: 401', (l) => /expired/.test(String(l.reason))).length >= 1, 'the reconnect refused');
});

t.test('rotation without dropping the link', async (t) => {
  const cap = captureLog();
  const hub = await startHub({ log: cap.log });
  t.teardown(() => hub.close());
  const short = hub.mintToken('edge-1', 2_000);
  const edge = await startEdge(hub, 'edge-1', { token: short });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  const session = hub.node('edge-1')!.session;
  let offline = 0;
  hub.on('offline', () => offline++);

  await t.test('a token for another node is refused; the session goes on', async (t) => {
    await t.rejects(edge.renewToken(hub.mintToken('edge-2')), /token renewal refused: token is for node "edge-2", not "edge-1"/);
    t.ok(edge.online);
  });

  await t.test('a good token extends the session past the old expiry', async (t) => {
    const next = hub.mintToken('edge-1', 3_600_000);
    const { expiresAt } = await edge.renewToken(next);
    t.equal(expiresAt.getTime(), expOf(next), 'the hub confirms the new expiry');
    t.match(cap.find('token renewed on the open link')[0], { node: 'edge-1', tokenId: idOf(next), previousTokenId: idOf(short) });
    await until(() => Date.now() > expOf(short) + 2_000, 'the old token\'s expiry and one sweep', 10_000);
    t.equal(offline, 0, 'never offline');
    t.equal(hub.node('edge-1')!.session, session, 'the same session');
    const r = await hub.send('edge-1', { lane: 'control', payload: 'still here' });
    t.same(await r.delivered, { status: 'delivered' }, 'messages flow');
  });

  await t.test('the renewed token is used at the next connect', async (t) => {
    hub.disconnect('edge-1', { code: CloseCode.NORMAL });
    await until(() => hub.node('edge-1')!.online && hub.node('edge-1')!.session !== session, 'the reconnect');
    t.pass('reconnected although the first token expired');
  });
});

t.test('rotation from a token file', async (t) => {
  const cap = captureLog();
  const hub = await startHub({ log: cap.log });
  t.teardown(() => hub.close());
  const dir = tmp('file');
  const file = join(dir, 'token');
  writeFileSync(file, hub.mintToken('edge-1', 60_000) + '\n');
  const edge = await EdgeHub.start({
    cloud: hub.url, node: 'edge-1', tokenFile: file, tokenFilePollMs: 20, insecure: 'dev', log: 'silent',
  });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  const next = hub.mintToken('edge-1', 3_600_000);
  writeFileSync(file + '.new', next + '\n');
  // Replaced the way a Secret mount or an atomic writer does it.
  const { renameSync } = await import('node:fs');
  renameSync(file + '.new', file);
  await until(() => cap.find('token renewed on the open link', (l) => l.tokenId === idOf(next)).length === 1, 'the renewal');
  t.ok(edge.online, 'online throughout');
});
