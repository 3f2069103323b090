/**
 * TLS on every face: the hub makes its own CA and certificate, edges verify
 * the hub against a CA file, a wrong CA and plain ws:// are refused with a
 * clear error, the admin API speaks HTTPS, an operator's own certificate
 * works, and the insecure dev mode exists only by name and warns.
 */
import t from 'tap';
import https from 'node:https';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CloudHub, EdgeHub } from '../index.js';
import { ensureHubCerts, defaultHosts } from '../cloudhub/tls-certs.js';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { captureLog, LEVEL } from './helpers/log-capture.js';

const tmp = (name: string): string => mkdtempSync(join(tmpdir(), `isthmus-tls-${name}-`));

function httpsGet(url: string, o: https.RequestOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https.get(url, o, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; }).on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject);
  });
}

t.test('an edge with the hub\'s CA connects over wss://', async (t) => {
  const data = tmp('data');
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', dataDir: data, store: 'memory', log: 'silent' });
  t.teardown(() => hub.close());
  t.match(hub.url, /^wss:\/\//, 'TLS by default');
  t.equal(hub.caFile, join(data, 'tls', 'ca.crt'), 'the CA lives in the data folder');
  for (const f of ['ca.key', 'server.key']) t.equal(statSync(join(data, 'tls', f)).mode & 0o777, 0o600, `${f} is private`);
  const edge = await EdgeHub.start({ cloud: hub.url, node: 'edge-1', token: hub.mintToken('edge-1'), ca: hub.caFile!, log: 'silent' });
  t.teardown(() => edge.close());
  await edge.waitOnline();
  const got = new Promise<{ value: unknown }>((r) => edge.once('message', r));
  const receipt = await hub.send('edge-1', { lane: 'control', payload: { over: 'tls' } });
  t.same(await receipt.delivered, { status: 'delivered' });
  t.same((await got).value, { over: 'tls' });
});

t.test('the CA survives restarts; the server certificate is kept while it fits', async (t) => {
  const dir = tmp('certs');
  const hosts = defaultHosts();
  const first = await ensureHubCerts(dir, hosts);
  t.equal(first.created, true, 'made on first use');
  const ca = readFileSync(first.caFile, 'utf8');
  const cert = readFileSync(first.certFile, 'utf8');
  const again = await ensureHubCerts(dir, hosts);
  t.equal(again.created, false, 'nothing made the second time');
  t.equal(readFileSync(again.certFile, 'utf8'), cert, 'same server certificate');
  const more = await ensureHubCerts(dir, [...hosts, 'hub.example.com']);
  t.equal(more.created, true, 'a new host name means a new server certificate');
  t.not(readFileSync(more.certFile, 'utf8'), cert);
  t.equal(readFileSync(more.caFile, 'utf8'), ca, 'from the same CA: edges keep their CA file');
});

t.test('an edge with another CA is refused with a clear error', async (t) => {
  const hub = await startHub({ tls: {} });
  const other = await ensureHubCerts(tmp('other'), defaultHosts());
  t.teardown(() => hub.close());
  const cap = captureLog();
  const edge = await EdgeHub.start({
    cloud: hub.url, node: 'edge-1', token: hub.mintToken('edge-1'), ca: other.caFile, log: cap.log,
    backoff: { baseMs: 20, capMs: 100, stableMs: 1000 },
  });
  t.teardown(() => edge.close());
  await until(() => cap.find('cannot connect: TLS').length >= 2, 'two refused attempts');
  const line = cap.find('cannot connect: TLS')[0]!;
  t.equal(line.level, LEVEL.warn, 'a warning');
  t.match(String(line.err), /certificate is not signed by a trusted CA/, 'says what is wrong');
  t.match(String(line.err), new RegExp(`checked against ${other.caFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 'names the CA file used');
  t.match(String(line.err), /ca\.crt/, 'says what to do');
  t.equal(edge.online, false, 'never online');
  t.notOk(hub.node('edge-1')?.online, 'the hub never saw a session');
});

t.test('an edge without a CA (system CAs only) is refused too', async (t) => {
  const hub = await startHub({ tls: {} });
  t.teardown(() => hub.close());
  const cap = captureLog();
  const edge = await EdgeHub.start({ cloud: hub.url, node: 'edge-1', token: hub.mintToken('edge-1'), log: cap.log, backoff: { baseMs: 20, capMs: 100, stableMs: 1000 } });
  t.teardown(() => edge.close());
  await until(() => cap.find('cannot connect: TLS').length >= 1, 'a refused attempt');
  t.match(String(cap.find('cannot connect: TLS')[0]!.err), /system's CAs/);
});

t.test('a certificate that does not name the host is refused with advice', async (t) => {
  const own = await ensureHubCerts(tmp('names'), ['localhost']);
  const hub = await startHub({ tls: { cert: own.certFile, key: own.keyFile, ca: own.caFile } });
  t.teardown(() => hub.close());
  const cap = captureLog();
  const edge = await EdgeHub.start({ cloud: hub.url, node: 'edge-1', token: hub.mintToken('edge-1'), ca: hub.caFile!, log: cap.log, backoff: { baseMs: 20, capMs: 100, stableMs: 1000 } });
  t.teardown(() => edge.close());
  await until(() => cap.find('cannot connect: TLS').length >= 1, 'a refused attempt');
  t.match(String(cap.find('cannot connect: TLS')[0]!.err), /does not name the host in the cloud URL \(ERR_TLS_CERT_ALTNAME_INVALID.*tls\.hosts \(--tls-host\)/);
});

t.test('plain ws:// is refused', async (t) => {
  const hub = await startHub({ tls: {} });
  t.teardown(() => hub.close());
  await t.test('by the hub: a plain WebSocket to the TLS port never opens', async (t) => {
    const ws = new WebSocket(`ws://127.0.0.1:${hub.port}/v1/link`, { headers: { authorization: `Bearer ${hub.mintToken('edge-1')}` }, handshakeTimeout: 5000 });
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', (err) => resolve(`error: ${err.message}`));
      ws.on('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
    });
    ws.terminate();
    t.match(outcome, /^error:/, `no upgrade (${outcome})`);
    t.notOk(hub.node('edge-1'), 'no session');
  });
  await t.test('by the edge: ws:// without the dev mode is a start error', async (t) => {
    await t.rejects(EdgeHub.start({ cloud: `ws://127.0.0.1:${hub.port}`, node: 'edge-1', token: hub.mintToken('edge-1'), log: 'silent' }),
      { name: 'TypeError', message: /plain text \(ws:\/\/\).*wss:\/\/.*insecure: "dev"/ });
  });
});

t.test('the admin API speaks HTTPS with the same CA', async (t) => {
  const data = tmp('admin');
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', admin: '127.0.0.1:0', dataDir: data, store: 'memory', log: 'silent' });
  t.teardown(() => hub.close());
  t.match(hub.adminUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
  const ca = readFileSync(hub.caFile!);
  t.equal((await httpsGet(`${hub.adminUrl}/healthz`, { ca })).status, 200, 'healthz with the CA');
  t.equal((await httpsGet(`${hub.adminUrl}/v1/nodes`, { ca })).status, 401, 'the admin token is still required');
  const ok = await httpsGet(`${hub.adminUrl}/v1/nodes`, { ca, headers: { authorization: `Bearer ${hub.adminToken}` } });
  t.equal(ok.status, 200);
  t.same(JSON.parse(ok.body), []);
  await t.rejects(httpsGet(`${hub.adminUrl}/healthz`, {}), /unable to verify the first certificate/, 'without the CA: refused by the client');
  t.match(JSON.parse(readFileSync(join(data, 'hub.json'), 'utf8')), { admin: hub.adminUrl, ca: hub.caFile }, 'hub.json tells CLI commands the CA');
});

t.test('an operator\'s own certificate, key and CA', async (t) => {
  const own = await ensureHubCerts(tmp('own'), ['127.0.0.1']);
  const hub = await startHub({ tls: { cert: own.certFile, key: own.keyFile, ca: own.caFile } });
  t.teardown(() => hub.close());
  t.equal(hub.caFile, own.caFile, 'the CA edges are told to use is the operator\'s');
  const edge = await startEdge(hub, 'edge-1');
  t.teardown(() => edge.close());
  await edge.waitOnline();
  t.pass('the edge verified the operator\'s certificate');

  await t.rejects(startHub({ tls: { cert: own.certFile } }), { name: 'TypeError', message: /tls\.cert and tls\.key go together/ });
  await t.rejects(startHub({ tls: { cert: own.certFile, key: own.caFile } }), { name: 'TypeError', message: /^tls\.cert \/ tls\.key: / }, 'a key that is not a key');
  await t.rejects(startHub({ tls: { cert: '/nonexistent.crt', key: own.keyFile } }), { name: 'TypeError', message: 'tls.cert "/nonexistent.crt" does not exist' });
});

t.test('a certificate near its end is reported at start', async (t) => {
  const own = await ensureHubCerts(tmp('ending'), ['127.0.0.1'], 10);
  const cap = captureLog();
  const hub = await startHub({ tls: { cert: own.certFile, key: own.keyFile, ca: own.caFile }, log: cap.log });
  t.teardown(() => hub.close());
  const line = cap.find('TLS certificate expires soon')[0];
  t.match(line, { level: LEVEL.warn, cert: own.certFile, msg: /replace tls\.cert and tls\.key/ });
  t.ok(Date.parse(String(line?.expiresAt)) - Date.now() < 11 * 86_400_000, 'names the date');
  t.equal(cap.find('TLS certificate expires soon').length, 1, 'once at start (then daily)');
});

t.test('the insecure dev mode: only by name, and it warns', async (t) => {
  await t.rejects(CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', insecure: 'yes' as 'dev' }), { name: 'TypeError', message: /insecure must be "dev"/ });
  await t.rejects(CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', insecure: 'dev', tls: {} }), { name: 'TypeError', message: /exclude each other/ });
  const cap = captureLog();
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: cap.log, insecure: 'dev' });
  t.teardown(() => hub.close());
  t.match(hub.url, /^ws:\/\//);
  const warned = cap.find('INSECURE DEV MODE');
  t.equal(warned.length, 1, 'one warning at start');
  t.equal(warned[0]!.level, LEVEL.warn);
  const edgeCap = captureLog();
  const edge = await EdgeHub.start({ cloud: hub.url, node: 'edge-1', token: hub.mintToken('edge-1'), insecure: 'dev', log: edgeCap.log });
  t.teardown(() => edge.close());
  t.equal(edgeCap.find('INSECURE DEV MODE').length, 1, 'the edge warns too');
  await edge.waitOnline();
});
