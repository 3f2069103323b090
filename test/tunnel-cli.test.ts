/**
 * The tunnel from a terminal, all as processes: `isthmus cloudhub` with its
 * kube API over TLS, a standalone `isthmus edgehub` whose pods come from its
 * YAML config file, and `isthmus exec / logs / port-forward` finding the hub, its admin
 * token and its TLS certificate through the data folder.
 */
import t from 'tap';
import { execFile, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, runCli } from './helpers/processes.js';

const run = promisify(execFile);
const isthmus = (...args: string[]) => run(process.execPath, [CLI, ...args], { timeout: 30_000 });

t.test('exec, logs and port-forward through processes', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'isthmus-tunnel-cli-'));
  const logFile = join(data, 'web.log');
  writeFileSync(logFile, 'a\nb\nc\n');
  const echo = createServer((s) => s.pipe(s));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  t.teardown(() => echo.close());
  const configFile = join(data, 'edge.yaml');
  writeFileSync(configFile, `edgehub:\n  tunnel:\n    pods:\n      web:\n        logFile: ${logFile}\n        ports: { 80: ${(echo.address() as AddressInfo).port} }\n`);

  const hub = runCli(['cloudhub', '--listen', '127.0.0.1:0', '--admin', '127.0.0.1:0', '--kube', '127.0.0.1:0', '--data', data, '--log-level', 'info']);
  t.teardown(() => hub.stop());
  const [, url] = await hub.waitFor(/edges connect to:\s+(wss:\/\/\S+)/);
  await hub.waitFor(/kube API:\s+https:\/\/127\.0\.0\.1:\d+/);
  await hub.waitFor(/CA for edges:\s+\S+/);
  const { stdout: token } = await isthmus('token', 'create', '--node', 'edge-1', '--data', data);
  const edge = runCli(['edgehub', '--config', configFile, '--cloud', url!, '--node', 'edge-1', '--token', token.trim(), '--ca', join(data, 'tls', 'ca.crt'), '--store', 'memory', '--exec-allow', 'sh,cat', '--admin', '127.0.0.1:0', '--log-level', 'warn']);
  t.teardown(() => edge.stop());

  // The pod is reported once the edge is online; until then the hub says 404.
  let out = '';
  for (let i = 0; i < 100; i++) {
    try { out = (await isthmus('logs', 'edge-1', 'web', '--data', data)).stdout; break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  t.equal(out, 'a\nb\nc\n', 'logs over verified TLS, with the token from the data folder');
  t.equal((await isthmus('logs', 'edge-1', 'web', '--tail', '1', '--data', data)).stdout, 'c\n');

  const exec = await isthmus('exec', 'edge-1', 'web', '--data', data, '--', 'sh', '-c', 'echo $((6*7))').catch((e: { stdout: string; code: number }) => e);
  t.equal(exec.stdout, '42\n');
  await t.rejects(isthmus('exec', 'edge-1', 'web', '--data', data, '--', 'sh', '-c', 'exit 4'), { code: 4 }, 'the exit code is the command\'s');
  await t.rejects(isthmus('exec', 'edge-1', 'web', '--data', data, '--', 'id'), { stderr: /"id" is not in this edge's tunnel.exec.allow/ });
  await t.rejects(isthmus('exec', 'edge-2', 'web', '--data', data, '--', 'cat'), { stderr: /pod "web" is on node "edge-1", not "edge-2"/ });

  // stdin through -i
  const cat = spawn(process.execPath, [CLI, 'exec', 'edge-1', 'web', '-i', '--data', data, '--', 'cat'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let catOut = '';
  cat.stdout.on('data', (b: Buffer) => { catOut += b.toString(); });
  cat.stdin.end('through stdin\n');
  const catCode = await new Promise((r) => cat.on('close', r));
  t.equal(catOut, 'through stdin\n');
  t.equal(catCode, 0);

  // logs -f
  const follow = runCli(['logs', 'edge-1', 'web', '-f', '--tail', '0', '--data', data]);
  t.teardown(() => follow.stop());
  // The process needs a moment to connect, and --tail 0 skips what came before: append until one shows.
  const appender = setInterval(() => appendFileSync(logFile, 'appended\n'), 200);
  await follow.waitFor(/appended/).finally(() => clearInterval(appender));

  // port-forward: a local port that reaches the pod's port 80
  const pf = runCli(['port-forward', 'edge-1', 'web', '0:80', '--data', data]);
  t.teardown(() => pf.stop());
  const [, local] = await pf.waitFor(/Forwarding from 127\.0\.0\.1:(\d+) -> 80/);
  const sock = createConnection({ host: '127.0.0.1', port: Number(local) });
  let echoed = '';
  sock.on('data', (b: Buffer) => { echoed += b.toString(); });
  sock.write('hello pod');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`echo not back: "${echoed}"`)), 10_000);
    sock.on('data', () => { if (echoed === 'hello pod') { clearTimeout(timer); resolve(); } });
  });
  sock.end();
  t.equal(echoed, 'hello pod');

  // The exec audit line is in the hub's log.
  await hub.waitFor(/"audit":"exec".*"user":"admin-token".*"node":"edge-1".*"pod":"web".*"exitCode":4/);
});
