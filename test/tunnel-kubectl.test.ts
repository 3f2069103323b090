/**
 * Real kubectl (v1.32) against the cloud hub's kube-compatible face, through
 * the tunnel to an edge hub serving a pod: logs, logs -f, exec with an exit
 * code, 50 MB of stdin, 2 million lines of stdout, credentials, a client
 * killed mid-stream, the kubelet paths and the WebSocket port-forward.
 */
import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startHub, startEdge, until } from './helpers/hubs.js';

const dir = mkdtempSync(join(tmpdir(), 'isthmus-kubectl-'));
const logFile = join(dir, 'web.log');
writeFileSync(logFile, 'first\nsecond\nthird\n');
const echo = createServer((s) => s.pipe(s));
await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
// TLS: kubectl sends its bearer token over TLS only. The kube API serves the hub's certificate.
const hub = await startHub({ tls: {}, tunnel: { kube: '127.0.0.1:0' } });
const edge = await startEdge(hub, 'edge-1', {
  tunnel: { exec: { allow: ['sh', 'sha256sum', 'seq', 'sleep'] }, pods: { web: { logFile, cwd: dir, ports: { 80: (echo.address() as AddressInfo).port } } } },
});
t.teardown(async () => { await edge.close(); await hub.close(); echo.close(); rmSync(dir, { recursive: true, force: true }); });
await edge.waitOnline();
await until(() => hub.tunnel.pod('default', 'web') !== undefined && hub.tunnel.online('edge-1'), 'the pod reported');
const server = hub.kubeUrl!;

interface Run { code: number | null; stdout: Buffer; stderr: string }

function kubectl(args: string[], opts: { stdin?: Buffer; token?: string; onStdout?: (b: Buffer) => void; child?: (c: ChildProcess) => void } = {}): Promise<Run> {
  const child = spawn('kubectl', ['--server', server, '--token', opts.token ?? hub.adminToken, '--certificate-authority', hub.caFile!, ...args], {
    env: { ...process.env, HOME: dir, KUBECONFIG: join(dir, 'no-kubeconfig') },
    stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  opts.child?.(child);
  const out: Buffer[] = [];
  let err = '';
  child.stdout!.on('data', (b: Buffer) => { out.push(b); opts.onStdout?.(b); });
  child.stderr!.on('data', (b: Buffer) => { err += b.toString(); });
  if (opts.stdin) child.stdin!.end(opts.stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err })));
}

t.test('kubectl get pod shows the pod the edge reports, on its node', async (t) => {
  const r = await kubectl(['get', 'pod', 'web', '-o', 'json']);
  t.equal(r.code, 0, r.stderr);
  const pod = JSON.parse(r.stdout.toString()) as { spec: { nodeName: string }; status: { phase: string } };
  t.equal(pod.spec.nodeName, 'edge-1');
  t.equal(pod.status.phase, 'Running');
  const table = await kubectl(['get', 'pods']);
  t.match(table.stdout.toString(), /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+NODE\nweb\s+1\/1\s+Running\s+0\s+\S+\s+edge-1\n/, 'server-side table');
  const missing = await kubectl(['get', 'pod', 'nope']);
  t.not(missing.code, 0);
  t.match(missing.stderr, /not found/);
});

t.test('kubectl logs POD, with --tail and --timestamps', async (t) => {
  const r = await kubectl(['logs', 'web']);
  t.equal(r.code, 0, r.stderr);
  t.equal(r.stdout.toString(), 'first\nsecond\nthird\n');
  const tail = await kubectl(['logs', 'web', '--tail', '1', '--timestamps']);
  t.match(tail.stdout.toString(), /^\d{4}-\d\d-\d\dT[\d:.]+Z third\n$/);
});

t.test('kubectl logs -f shows lines as they are appended; killing kubectl stops the follow on the edge', async (t) => {
  let seen = '';
  let child: ChildProcess | undefined;
  const run = kubectl(['logs', '-f', 'web', '--tail', '1'], { onStdout: (b) => { seen += b.toString(); }, child: (c) => { child = c; } });
  await until(() => seen === 'third\n', 'the tail');
  appendFileSync(logFile, 'fourth\n');
  await until(() => seen.endsWith('fourth\n'), 'an appended line');
  appendFileSync(logFile, 'fifth\n');
  await until(() => seen.endsWith('fifth\n'), 'another one');
  t.equal(seen, 'third\nfourth\nfifth\n');
  child!.kill('SIGKILL');
  await run;
  await until(() => edge.tunnel.counts().streams === 0 && hub.tunnel.counts().streams === 0, 'the follow stream to end on both sides');
});

t.test('kubectl exec prints 42 and exits 3', async (t) => {
  const r = await kubectl(['exec', 'web', '--', 'sh', '-c', 'echo $((6*7)); exit 3']);
  t.equal(r.stdout.toString(), '42\n');
  t.equal(r.code, 3);
});

t.test('kubectl exec -i with 50 MB on stdin: sha256sum sees every byte, stdin half-close ends it', async (t) => {
  const data = randomBytes(50 * 1024 * 1024);
  const want = createHash('sha256').update(data).digest('hex');
  const r = await kubectl(['exec', '-i', 'web', '--', 'sha256sum'], { stdin: data });
  t.equal(r.code, 0, r.stderr);
  t.equal(r.stdout.toString().split(' ')[0], want);
});

t.test('kubectl exec seq 1 2000000 arrives whole', async (t) => {
  const r = await kubectl(['exec', 'web', '--', 'seq', '1', '2000000']);
  t.equal(r.code, 0, r.stderr);
  const lines = r.stdout.toString().split('\n');
  t.equal(lines.length, 2_000_001);
  t.equal(lines[1_999_999], '2000000');
  t.ok(lines.slice(0, -1).every((l, i) => l === String(i + 1)), 'every line, in order');
});

t.test('a kubectl killed mid-exec: the command on the edge is killed, nothing leaks', async (t) => {
  const marker = join(dir, 'survived');
  let seen = '';
  let child: ChildProcess | undefined;
  const run = kubectl(['exec', 'web', '--', 'sh', '-c', `echo started; sleep 2; touch ${marker}`], { onStdout: (b) => { seen += b.toString(); }, child: (c) => { child = c; } });
  await until(() => seen === 'started\n', 'the command to start');
  child!.kill('SIGKILL');
  await run;
  await until(() => edge.tunnel.counts().streams === 0 && hub.tunnel.counts().streams === 0, 'the exec stream to end');
  await new Promise((r) => setTimeout(r, 2500));
  t.notOk(existsSync(marker), 'the command was killed');
});

t.test('credentials are required', async (t) => {
  const r = await kubectl(['logs', 'web'], { token: 'wrong-token' });
  t.not(r.code, 0);
  t.match(r.stderr, /You must be logged in to the server \(a bearer token is required/);
  const ws = new WebSocket(`${server.replace('https', 'wss')}/api/v1/namespaces/default/pods/web/exec?command=true`, ['v5.channel.k8s.io'], { ca: hub.ca! });
  const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!)));
  t.equal(status, 401);
});

t.test('kubelet paths: /containerLogs and /exec', async (t) => {
  const body = await new Promise<string>((resolve, reject) => {
    request(`${server}/containerLogs/default/web/web?tailLines=2`, { ca: hub.ca!, headers: { authorization: `Bearer ${hub.adminToken}` } }, (res) => {
      let s = '';
      res.on('data', (b: Buffer) => { s += b.toString(); });
      res.on('end', () => resolve(s));
    }).on('error', reject).end();
  });
  t.match(body, /fourth\nfifth\n$/);
  const ws = new WebSocket(`${server.replace('https', 'wss')}/exec/default/web/web?command=sh&command=-c&command=echo%20kubelet&output=1`, ['v4.channel.k8s.io'], {
    ca: hub.ca!, headers: { authorization: `Bearer ${hub.adminToken}` },
  });
  const frames: Buffer[] = [];
  ws.on('message', (b: Buffer) => frames.push(b));
  await new Promise((r) => ws.on('close', r));
  t.equal(ws.protocol, 'v4.channel.k8s.io');
  const stdout = Buffer.concat(frames.filter((f) => f[0] === 1).map((f) => f.subarray(1))).toString();
  t.equal(stdout, 'kubelet\n');
  const status = frames.find((f) => f[0] === 3);
  t.same(JSON.parse(status!.subarray(1).toString()), { metadata: {}, status: 'Success' });
});

t.test('portforward over WebSocket (v4.channel.k8s.io): port prefix, then bytes both ways', async (t) => {
  const ws = new WebSocket(`${server.replace('https', 'wss')}/api/v1/namespaces/default/pods/web/portforward?ports=80`, ['v4.channel.k8s.io'], {
    ca: hub.ca!, headers: { authorization: `Bearer ${hub.adminToken}` },
  });
  const data: Buffer[] = [];
  const prefixes: Buffer[] = [];
  ws.on('message', (b: Buffer) => {
    if (b[0] === 0 && prefixes.filter((p) => p[0] === 0).length === 0) prefixes.push(b);
    else if (b[0] === 1) prefixes.push(b);
    else if (b[0] === 0) data.push(b.subarray(1));
  });
  await new Promise((r) => ws.on('open', r));
  ws.send(Buffer.concat([Buffer.of(0), Buffer.from('ping through the tunnel')]));
  await until(() => Buffer.concat(data).toString() === 'ping through the tunnel', 'the echo');
  t.same(prefixes.map((p) => [...p]), [[0, 80, 0], [1, 80, 0]], 'each channel starts with the port, little-endian');
  ws.close();
});
