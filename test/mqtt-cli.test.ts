/**
 * The MQTT flags of the CLI as a user runs them: `isthmus cloudhub --mqtt`
 * with its password in the data folder, `isthmus edgehub --mqtt`, and the
 * external mode `--mqtt-broker` against a real mosquitto process.
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, runCli } from './helpers/processes.js';
import { mosquittoPub, mosquittoSub } from './helpers/mosquitto.js';
import { startMosquitto } from '../bench/peers/mosquitto.js';

const run = promisify(execFile);

t.test('cloudhub --mqtt and edgehub --mqtt / --mqtt-broker: controllers reach devices both ways', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'isthmus-mqtt-cli-'));
  t.teardown(() => rmSync(data, { recursive: true, force: true }));
  const hub = runCli(['cloudhub', '--no-kube', '--listen', '127.0.0.1:0', '--no-admin', '--mqtt', '127.0.0.1:0', '--data', data, '--log-level', 'warn']);
  t.teardown(() => hub.stop());
  const [, url] = await hub.waitFor(/edges connect to:\s+(wss:\/\/\S+)/);
  const ca = join(data, 'tls', 'ca.crt'); // over TLS, as the CLI runs by default
  const [, cloudPort] = await hub.waitFor(/MQTT face:\s+mqtt:\/\/127\.0\.0\.1:(\d+) \(user "isthmus", password in /);
  t.equal(statSync(join(data, 'mqtt-password')).mode & 0o777, 0o600, 'the MQTT password is private');
  const ctl = { user: 'isthmus', pass: readFileSync(join(data, 'mqtt-password'), 'utf8').trim() };
  const token = (await run(process.execPath, [CLI, 'token', 'create', '--node', 'edge-1', '--data', data])).stdout.trim();

  // An embedded broker at edge-1.
  const e1 = runCli(['edgehub', '--cloud', url!, '--node', 'edge-1', '--token', token, '--ca', ca, '--store', 'memory', '--no-admin', '--mqtt', '127.0.0.1:0', '--log-level', 'info']);
  t.teardown(() => e1.stop());
  const [, e1Port] = await e1.waitFor(/"url":"mqtt:\/\/127\.0\.0\.1:(\d+)".*"msg":"MQTT face up"/);
  await e1.waitFor(/"msg":"online"/);

  // edge-2 in external mode against a real mosquitto.
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-mosq-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const mosq = await startMosquitto({ dir, name: 'site' });
  t.teardown(() => mosq.stop());
  const token2 = (await run(process.execPath, [CLI, 'token', 'create', '--node', 'edge-2', '--data', data])).stdout.trim();
  const e2args = ['edgehub', '--cloud', url!, '--node', 'edge-2', '--token', token2, '--ca', ca, '--store', 'memory', '--no-admin', '--mqtt-broker', `mqtt://127.0.0.1:${mosq.port}`, '--log-level', 'info'];
  let e2 = runCli(e2args);
  t.teardown(() => e2.stop());
  await e2.waitFor(/connected to the external MQTT broker/);
  await e2.waitFor(/"msg":"online"/);

  const ups = mosquittoSub(Number(cloudPort), { topics: ['isthmus/nodes/+/up/#'], ...ctl });
  const d1 = mosquittoSub(Number(e1Port), { topics: ['isthmus/down/#'] });
  const d2 = mosquittoSub(mosq.port, { topics: ['isthmus/down/#'] });
  t.teardown(async () => { await ups.stop(); await d1.stop(); await d2.stop(); });
  await Promise.all([ups.ready, d1.ready, d2.ready]);

  t.equal((await mosquittoPub(Number(cloudPort), { topic: 'isthmus/nodes/edge-1/down/cmd', message: 'to-1', ...ctl })).code, 0);
  t.equal((await mosquittoPub(Number(cloudPort), { topic: 'isthmus/nodes/edge-2/down/cmd', message: 'to-2', ...ctl })).code, 0);
  t.equal((await mosquittoPub(Number(e1Port), { topic: 'isthmus/up/temp', message: 'from-1' })).code, 0);
  t.equal((await mosquittoPub(mosq.port, { topic: 'isthmus/up/temp', message: 'from-2' })).code, 0);
  await d1.waitFor((m) => m.length >= 1, 'edge-1 got its message');
  await d2.waitFor((m) => m.length >= 1, 'edge-2 (external mosquitto) got its message');
  await ups.waitFor((m) => m.length >= 2, 'both edges reached the cloud');
  await new Promise((r) => setTimeout(r, 300));
  t.same(d1.messages.map((m) => [m.topic, m.payload]), [['isthmus/down/cmd', 'to-1']], 'each edge gets only its own node\'s messages');
  t.notOk(e1.stdout.some((l) => l.includes('"kind":"mqtt"')), 'what the local broker delivered is not printed on stdout as well');
  t.same(d2.messages.map((m) => [m.topic, m.payload]), [['isthmus/down/cmd', 'to-2']], 'external mode: published on the site\'s mosquitto, and not carried back up');
  t.same(ups.messages.map((m) => [m.topic, m.payload]).sort(), [['isthmus/nodes/edge-1/up/temp', 'from-1'], ['isthmus/nodes/edge-2/up/temp', 'from-2']]);

  // External mode keeps a persistent session: what devices publish while the edge hub is killed waits in mosquitto.
  await e2.stop(); // SIGKILL
  t.equal((await mosquittoPub(mosq.port, { topic: 'isthmus/up/temp', qos: 1, message: 'while-down' })).code, 0);
  e2 = runCli(e2args);
  await ups.waitFor((m) => m.some((x) => x.payload === 'while-down'), 'the message published while the edge hub was down');
  await new Promise((r) => setTimeout(r, 300));
  t.equal(ups.messages.filter((m) => m.payload === 'while-down').length, 1, 'once');
});
