/**
 * The built-in edge providers through `hub.tunnel`: real child processes
 * (pipes and a PTY), a real log file being appended to, a real TCP server;
 * the pods the edge reports; the allowlists; the exec audit log.
 */
import t from 'tap';
import { createServer, type AddressInfo } from 'node:net';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, startEdge, until } from './helpers/hubs.js';
import { StreamCode, type ExitStatus } from '../tunnel/index.js';
import type { CloudHub, EdgeHub } from '../index.js';
import { captureLog } from './helpers/log-capture.js';

function text(r: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  return new Promise((resolve, reject) => {
    r.on('data', (b: Buffer) => parts.push(b));
    r.on('end', () => resolve(Buffer.concat(parts).toString()));
    r.on('error', reject);
  });
}

interface Fixture { hub: CloudHub; edge: EdgeHub; dir: string; logFile: string; echoPort: number; logs: ReturnType<typeof captureLog> }

async function fixture(t: { teardown(fn: () => unknown): void }, exec: string[] = ['sh', 'cat', 'seq', 'sha256sum', 'sleep', 'stty']): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-tunnel-'));
  const logFile = join(dir, 'web.log');
  writeFileSync(logFile, 'line 1\nline 2\nline 3\n');
  const server = createServer((sock) => sock.pipe(sock));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const echoPort = (server.address() as AddressInfo).port;
  const logs = captureLog('info');
  const hub = await startHub({ log: logs.log });
  const edge = await startEdge(hub, 'edge-1', {
    tunnel: { exec: { allow: exec }, pods: { web: { logFile, ports: { 80: echoPort }, cwd: dir, env: { POD: 'web' } } } },
  });
  t.teardown(async () => { await edge.close(); await hub.close(); server.close(); rmSync(dir, { recursive: true, force: true }); });
  await edge.waitOnline();
  await until(() => hub.tunnel.pod('default', 'web') !== undefined && hub.tunnel.online('edge-1'), 'pod reported');
  return { hub, edge, dir, logFile, echoPort, logs };
}

t.test('the edge reports its pods; the cloud knows where each lives', async (t) => {
  const { hub } = await fixture(t);
  const pod = hub.tunnel.pod('default', 'web')!;
  t.match(pod, { node: 'edge-1', namespace: 'default', name: 'web', ports: [80], logs: true, exec: true });
  t.same(hub.tunnel.pods().map((p) => p.name), ['web']);
});

t.test('exec with pipes: stdout, stderr, exit code, pod cwd and env, and an audit line', async (t) => {
  const { hub, dir, logs } = await fixture(t);
  const x = await hub.tunnel.exec('edge-1', { pod: 'web', command: ['sh', '-c', 'echo $((6*7)); echo oops >&2; pwd; echo $POD; exit 3'], user: 'alice' });
  const [out, err, exit] = await Promise.all([text(x.stdout), text(x.stderr), x.exit]);
  t.equal(out, `42\n${dir}\nweb\n`);
  t.equal(err, 'oops\n');
  t.same(exit, { code: 3 });
  await until(() => logs.lines.some((l) => l.msg === 'exec ended'), 'audit line');
  const line = logs.lines.find((l) => l.msg === 'exec ended')!;
  t.match(line, { audit: 'exec', user: 'alice', node: 'edge-1', pod: 'web', command: ['sh', '-c', /6\*7/], exitCode: 3 });
  t.ok(line.start && line.end, 'start and end times');
});

t.test('exec with stdin: 8 MB through sha256sum, half-close ends its input', async (t) => {
  const { hub } = await fixture(t);
  const x = await hub.tunnel.exec('edge-1', { pod: 'web', command: ['sha256sum'], stdin: true });
  const data = Buffer.alloc(8 * 1024 * 1024, 'abcdefgh');
  const { createHash } = await import('node:crypto');
  const want = createHash('sha256').update(data).digest('hex');
  x.stdin!.end(data);
  t.equal((await text(x.stdout)).split(' ')[0], want);
  t.same(await x.exit, { code: 0 });
});

t.test('exec: seq 1 2000000 arrives whole', async (t) => {
  const { hub } = await fixture(t);
  const x = await hub.tunnel.exec('edge-1', { pod: 'web', command: ['seq', '1', '2000000'] });
  const out = await text(x.stdout);
  const lines = out.split('\n');
  t.equal(lines.length, 2_000_001);
  t.equal(lines[0], '1');
  t.equal(lines[1_999_999], '2000000');
  t.same(await x.exit, { code: 0 });
});

t.test('exec with a TTY: a real terminal, resize, exit code', async (t) => {
  const { hub } = await fixture(t);
  const x = await hub.tunnel.exec('edge-1', { pod: 'web', command: ['sh'], tty: true, stdin: true, cols: 100, rows: 30 });
  const out = text(x.stdout);
  x.stdin!.write('stty size; [ -t 0 ] && echo tty-yes\n');
  await new Promise((r) => setTimeout(r, 100));
  x.resize(120, 40);
  await new Promise((r) => setTimeout(r, 100));
  x.stdin!.write('stty size; exit 5\n');
  const exit: ExitStatus = await x.exit;
  t.same(exit, { code: 5 });
  const s = await out;
  t.match(s, /30 100/, 'the initial size');
  t.match(s, /tty-yes/, 'stdin is a terminal');
  t.match(s, /40 120/, 'the size after resize');
});

t.test('exec refused: off unless allowed, not in the allowlist, unknown pod, missing program', async (t) => {
  const { hub } = await fixture(t, ['cat', 'no-such-program-xyz']);
  await t.rejects(hub.tunnel.exec('edge-1', { pod: 'web', command: ['sh', '-c', 'id'] }), { code: StreamCode.FORBIDDEN, message: /"sh" is not in this edge's tunnel\.exec\.allow/ });
  await t.rejects(hub.tunnel.exec('edge-1', { pod: 'nope', command: ['cat'] }), { code: StreamCode.NOT_FOUND, message: /pod "nope"/ });
  await t.rejects(hub.tunnel.exec('edge-1', { pod: 'web', command: ['no-such-program-xyz'] }), { code: StreamCode.NOT_FOUND, message: /cannot run/ });
  await t.rejects(hub.tunnel.exec('edge-1', { pod: 'web', command: [] }), { code: StreamCode.BAD_PARAMS, message: /command must be a non-empty list/ });

  const hub2 = await startHub();
  const edge2 = await startEdge(hub2, 'edge-2', { tunnel: { pods: { web: {} } } });
  t.teardown(async () => { await edge2.close(); await hub2.close(); });
  await until(() => hub2.tunnel.online('edge-2'), 'online');
  await t.rejects(hub2.tunnel.exec('edge-2', { pod: 'web', command: ['true'] }), { code: StreamCode.FORBIDDEN, message: /exec is off on this edge/ });
});

t.test('a cancelled exec kills the process', async (t) => {
  const { hub, dir } = await fixture(t);
  const marker = join(dir, 'still-running');
  const x = await hub.tunnel.exec('edge-1', { pod: 'web', command: ['sh', '-c', `echo started; sleep 2; touch ${marker}`] });
  const first = await new Promise<string>((r) => x.stdout.once('data', (b: Buffer) => r(b.toString())));
  t.equal(first, 'started\n');
  x.cancel();
  await t.rejects(x.exit, { code: StreamCode.CANCEL });
  await new Promise((r) => setTimeout(r, 2500));
  const { existsSync } = await import('node:fs');
  t.notOk(existsSync(marker), 'the command was killed before it could finish');
});

t.test('logs: whole file, tailLines, timestamps, and follow while lines are appended', async (t) => {
  const { hub, logFile } = await fixture(t);
  const all = await hub.tunnel.logs('edge-1', { pod: 'web' });
  t.equal(await text(all.stream), 'line 1\nline 2\nline 3\n');
  await all.done;
  const tail = await hub.tunnel.logs('edge-1', { pod: 'web', tailLines: 2 });
  t.equal(await text(tail.stream), 'line 2\nline 3\n');
  const stamped = await hub.tunnel.logs('edge-1', { pod: 'web', tailLines: 1, timestamps: true });
  t.match(await text(stamped.stream), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z line 3\n$/);

  const f = await hub.tunnel.logs('edge-1', { pod: 'web', follow: true, tailLines: 1 });
  let seen = '';
  f.stream.on('data', (b: Buffer) => { seen += b.toString(); });
  await until(() => seen === 'line 3\n', 'the tail');
  appendFileSync(logFile, 'line 4\n');
  await until(() => seen.endsWith('line 4\n'), 'an appended line');
  appendFileSync(logFile, 'line 5\nline 6\n');
  await until(() => seen.endsWith('line 6\n'), 'more lines');
  t.equal(seen, 'line 3\nline 4\nline 5\nline 6\n');
  f.cancel();
  await t.rejects(f.done, { code: StreamCode.CANCEL });
});

t.test('port-forward: a real TCP echo through the tunnel; undeclared ports are refused', async (t) => {
  const { hub } = await fixture(t);
  const conn = await hub.tunnel.portForward('edge-1', { pod: 'web', port: 80 });
  const got = text(conn);
  conn.write('over the tunnel ');
  conn.end('and back');
  t.equal(await got, 'over the tunnel and back');
  await t.rejects(hub.tunnel.portForward('edge-1', { pod: 'web', port: 81 }), { code: StreamCode.FORBIDDEN, message: /port 81 is not declared/ });
});

t.test('logs: sinceSeconds keeps lines whose own RFC 3339 stamp is recent; limitBytes cuts', async (t) => {
  const { hub, logFile } = await fixture(t);
  const old = new Date(Date.now() - 3600_000).toISOString();
  const recent = new Date(Date.now() - 5_000).toISOString();
  writeFileSync(logFile, `${old} an hour ago\n${recent} five seconds ago\n`);
  const since = await hub.tunnel.logs('edge-1', { pod: 'web', sinceSeconds: 60 });
  t.equal(await text(since.stream), 'five seconds ago\n', 'the stamp is the line\'s time, stripped without timestamps');
  const stamped = await hub.tunnel.logs('edge-1', { pod: 'web', sinceSeconds: 60, timestamps: true });
  t.equal(await text(stamped.stream), `${recent} five seconds ago\n`);
  const cut = await hub.tunnel.logs('edge-1', { pod: 'web', limitBytes: 10 });
  t.equal((await text(cut.stream)).length, 10);
  await t.rejects(hub.tunnel.logs('edge-1', { pod: 'web', tailLines: -1 }), { code: StreamCode.BAD_PARAMS, message: /tailLines must be an integer/ });
});
