/**
 * The CLI as a user runs it: a cloud hub process with a data folder, a token
 * minted from that folder, an edge hub process, send and nodes through the
 * admin API; nothing copied by hand.
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import https from 'node:https';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, runCli } from './helpers/processes.js';

const run = promisify(execFile);
const isthmus = (...args: string[]) => run(process.execPath, [CLI, ...args], { timeout: 20_000 });

t.test('cloudhub, token, edgehub, send, nodes', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'isthmus-cli-'));
  const hub = runCli(['cloudhub', '--no-kube', '--listen', '127.0.0.1:0', '--admin', '127.0.0.1:0', '--no-mqtt', '--data', data, '--log-level', 'warn']);
  t.teardown(() => hub.stop());
  const [, url] = await hub.waitFor(/edges connect to:\s+(wss:\/\/\S+)/);
  const [, ca] = await hub.waitFor(/CA for edges:\s+(\S+)/);
  t.equal(ca, join(data, 'tls', 'ca.crt'), 'the banner names the CA file for edges');
  await hub.waitFor(/npx isthmus token create --node edge-1 --ttl 30d --data/);
  t.equal(statSync(join(data, 'secret')).mode & 0o777, 0o600, 'secret is private');
  t.equal(statSync(join(data, 'admin-token')).mode & 0o777, 0o600, 'admin token is private');

  const { stdout: token } = await isthmus('token', 'create', '--node', 'edge-1', '--ttl', '1h', '--data', data);
  t.match(token.trim(), /^ist1\.[\w-]+\.[\w-]+$/, 'token printed alone');

  // Offline: the message is queued, and the receipt says so.
  const queued = JSON.parse((await isthmus('send', '--node', 'edge-1', '--lane', 'control', '--key', 'early', '--json', '{"n":1}', '--data', data)).stdout);
  t.match(queued, { node: 'edge-1', lane: 'control', seq: 1, status: 'queued', online: false });

  const edge = runCli(['edgehub', '--cloud', url!, '--node', 'edge-1', '--token', token.trim(), '--ca', ca!, '--data', join(data, 'edge'), '--admin', '127.0.0.1:0', '--log-level', 'warn']);
  t.teardown(() => edge.stop());
  await edge.waitFor(/"key":"early"/);

  const sent = JSON.parse((await isthmus('send', '--node', 'edge-1', '--lane', 'control', '--key', 'reboot', '--json', '{"at":"now"}', '--data', data)).stdout);
  t.match(sent, { node: 'edge-1', lane: 'control', seq: 2, status: 'delivered' }, 'receipt after the edge acknowledged');
  const line = JSON.parse(edge.stdout.find((l) => l.includes('"reboot"'))!);
  t.match(line, { lane: 'control', key: 'reboot', value: { at: 'now' } }, 'the edge printed it');

  const { stdout: table } = await isthmus('nodes', '--data', data);
  t.match(table, /NODE\s+ONLINE\s+RTT\s+LAST SEEN\s+CONTROL\s+STATE\s+EVENTS\s+BULK/);
  t.match(table, /edge-1\s+yes\s+\S+ms/);
  const nodes = JSON.parse((await isthmus('nodes', '--json', '--data', data)).stdout);
  t.match(nodes, [{ node: 'edge-1', online: true, lanes: { control: { messages: 0 } } }]);

  // The admin API refuses callers without the admin token.
  const hubJson = JSON.parse(readFileSync(join(data, 'hub.json'), 'utf8'));
  t.match(hubJson.admin, /^https:\/\//, 'the admin API speaks HTTPS');
  const status = await new Promise<number>((resolve, reject) => {
    https.get(`${hubJson.admin}/v1/nodes`, { ca: readFileSync(ca!) }, (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject);
  });
  t.equal(status, 401, 'admin API needs the admin token');
  await t.rejects(isthmus('nodes', '--data', data, '--admin-token', 'wrong'), /hub answered 401/);

  await t.rejects(isthmus('send', '--node', 'edge-1', '--lane', 'fast', '--data', data), /unknown lane "fast"/, 'bad input named');
  await t.rejects(isthmus('token', 'create', '--node', 'Bad_Name', '--data', data), /not a valid node name/);
});
