/**
 * Half-open links: a real hub process frozen with SIGSTOP is noticed by the
 * other end within three ping intervals, its socket closed with PING_TIMEOUT,
 * and once thawed the edge reconnects and messages flow again.
 */
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, EdgeHub, mintToken } from '../index.js';
import { readDataDir } from '../cloudhub/index.js';
import { startHub } from './helpers/hubs.js';
import { runCli } from './helpers/processes.js';

const INTERVAL = 1000;

t.test('the cloud notices a frozen edge process; the edge comes back', async (t) => {
  const hub = await startHub({ pingIntervalMs: INTERVAL, tls: {} }); // TLS with a generated CA, as in production
  const edge = runCli(['edgehub', '--cloud', hub.url, '--ca', hub.caFile!, '--node', 'edge-1', '--token', hub.mintToken('edge-1'), '--store', 'memory',
    '--backoff-base', '50ms', '--backoff-cap', '200ms', '--no-admin', '--log-level', 'warn']);
  t.teardown(async () => { await edge.stop(); await hub.close(); });
  await new Promise((r) => hub.once('online', r));

  const frozenAt = Date.now();
  edge.child.kill('SIGSTOP');
  const offline = await new Promise<{ code: number }>((r) => hub.once('offline', (_n, info) => r(info)));
  const detectedMs = Date.now() - frozenAt;
  t.equal(offline.code, CloseCode.PING_TIMEOUT, 'closed for silence');
  // The edge skips its own Pings while the cloud's arrive (SPEC §11): it notices within 3 intervals, plus timer slack.
  t.ok(detectedMs <= 4 * INTERVAL, `noticed within 3 intervals and slack (${detectedMs} ms)`);
  t.notOk(hub.node('edge-1')!.online, 'shown offline');

  const back = new Promise((r) => hub.once('online', r));
  edge.child.kill('SIGCONT');
  await back;
  const r = await hub.send('edge-1', { lane: 'control', key: 'after-thaw', payload: { ok: true } });
  t.same(await r.delivered, { status: 'delivered' }, 'messages flow again');
  await edge.waitFor(/"key":"after-thaw"/);
});

t.test('an edge notices a frozen cloud hub process and reconnects once it thaws', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'isthmus-live-'));
  const cloud = runCli(['cloudhub', '--no-kube', '--listen', '127.0.0.1:0', '--no-admin', '--no-mqtt', '--data', data, '--ping-interval', `${INTERVAL}ms`, '--log-level', 'warn']);
  t.teardown(() => cloud.stop());
  const [, url] = await cloud.waitFor(/edges connect to:\s+(wss:\/\/\S+)/);
  const token = mintToken(readDataDir(data).secret, 'edge-1', 60_000);
  const edge = await EdgeHub.start({
    cloud: url!, node: 'edge-1', token, log: 'silent', handshakeTimeoutMs: 500, ca: join(data, 'tls', 'ca.crt'),
    backoff: { baseMs: 50, capMs: 200, stableMs: 60_000 },
  });
  t.teardown(() => edge.close());
  await edge.waitOnline();

  const frozenAt = Date.now();
  cloud.child.kill('SIGSTOP');
  const offline = await new Promise<{ code: number }>((r) => edge.once('offline', r));
  const detectedMs = Date.now() - frozenAt;
  t.equal(offline.code, CloseCode.PING_TIMEOUT, 'closed for silence');
  // The edge skips its own Pings while the cloud's arrive (SPEC §11): it notices within 3 intervals, plus timer slack.
  t.ok(detectedMs <= 4 * INTERVAL, `noticed within 3 intervals and slack (${detectedMs} ms)`);

  cloud.child.kill('SIGCONT');
  await edge.waitOnline(20_000);
  const r = await edge.publish({ lane: 'control', payload: { back: true } });
  t.same(await r.delivered, { status: 'delivered' }, 'messages flow again');
});
