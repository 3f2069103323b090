/**
 * `isthmus exec NODE POD [-i] [-t] -- CMD...`, `isthmus logs NODE POD [-f]
 * [--tail N]`, `isthmus port-forward NODE POD [LOCAL:]REMOTE...`: the
 * tunnel from a terminal. They speak to the hub's kube-compatible API (the
 * same protocol kubectl uses), found through --kube, ISTHMUS_KUBE, then
 * DIR/hub.json; authenticated with the admin token (as for send); TLS
 * verified against the hub's CA (--ca, ISTHMUS_CA, hub.json, DIR/tls/ca.crt,
 * as the admin client does) unless --insecure-skip-tls-verify.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { InvalidArgumentError, type Command } from 'commander';
import WebSocket from 'ws';
import { readHubAddress } from '../cloudhub/index.js';
import { adminCa, adminToken, type AdminTarget } from './admin-client.js';
import { duration, fail } from './options.js';

interface TargetFlags extends AdminTarget {
  kube?: string;
  namespace: string;
  insecureSkipTlsVerify?: boolean;
}

const DEFAULT_KUBE_URL = 'https://127.0.0.1:10003';

function kubeUrl(f: TargetFlags): string {
  return (f.kube ?? process.env.ISTHMUS_KUBE ?? readHubAddress(f.data)?.kube ?? DEFAULT_KUBE_URL).replace(/\/+$/, '');
}

function tlsOptions(f: TargetFlags): { ca?: Buffer; rejectUnauthorized: boolean } {
  if (f.insecureSkipTlsVerify) return { rejectUnauthorized: false };
  const ca = adminCa(f);
  return ca ? { ca: readFileSync(ca), rejectUnauthorized: true } : { rejectUnauthorized: true };
}

function podPath(f: TargetFlags, pod: string, sub: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(f.namespace)}/pods/${encodeURIComponent(pod)}/${sub}`;
}

function common(cmd: Command): Command {
  return cmd
    .option('-n, --namespace <ns>', 'namespace of the pod', 'default')
    .option('--kube <url>', 'the hub\'s kube API URL (or ISTHMUS_KUBE; default from DIR/hub.json)')
    .option('--data <dir>', 'the hub\'s data folder: hub.json, admin-token, tls/ca.crt', './data')
    .option('--ca <file>', 'CA file the kube API\'s certificate must chain to (default: the hub\'s, from DIR)')
    .option('--admin-token <token>', 'admin token (or ISTHMUS_ADMIN_TOKEN; default DIR/admin-token)')
    .option('--insecure-skip-tls-verify', 'do not check the kube API\'s certificate');
}

function wsOpen(f: TargetFlags, path: string, protocols: string[]): WebSocket {
  const url = kubeUrl(f).replace(/^http/, 'ws') + path;
  return new WebSocket(url, protocols, { headers: { authorization: `Bearer ${adminToken(f)}` }, perMessageDeflate: false, ...tlsOptions(f) });
}

function refused(ws: WebSocket, what: string): void {
  ws.on('unexpected-response', (_req, res) => {
    let body = '';
    res.on('data', (b: Buffer) => { body += b.toString(); });
    res.on('end', () => {
      let message = body;
      try { message = (JSON.parse(body) as { message?: string }).message ?? body; } catch { /* plain text */ }
      fail(new Error(`${what}: hub answered ${res.statusCode}: ${message}`));
    });
  });
  ws.on('error', (err) => fail(new Error(`${what}: cannot reach the kube API at ${ws.url}: ${err.message}`)));
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`"${v}" is not a port`);
  return n;
}

export function registerTunnel(program: Command): void {
  common(program.command('exec')
    .description('run a command in a pod of an edge (through the reverse tunnel)')
    .argument('<node>', 'the edge node')
    .argument('<pod>', 'the pod')
    .argument('<command...>', 'the command, after --')
    .option('-i, --stdin', 'pass stdin to the command')
    .option('-t, --tty', 'allocate a terminal')
    .addHelpText('after', `
The edge runs it only if the program is in its tunnel.exec.allow. The exit code is the command's.

Examples:
  $ isthmus exec edge-1 web -it -- sh
  $ isthmus exec edge-1 web -- sh -c 'echo $((6*7)); exit 3'
  $ isthmus exec edge-1 web -i -- sha256sum < image.bin
  $ isthmus exec edge-1 web --data /var/lib/isthmus -- cat /etc/os-release`))
    .action((node: string, pod: string, command: string[], f: TargetFlags & { stdin?: boolean; tty?: boolean }) => {
      const q = new URLSearchParams({ stdout: 'true', stderr: String(!f.tty), stdin: String(!!f.stdin), tty: String(!!f.tty), node });
      for (const c of command) q.append('command', c);
      const ws = wsOpen(f, `${podPath(f, pod, 'exec')}?${q}`, ['v5.channel.k8s.io']);
      refused(ws, 'exec');
      let code = 1;
      const raw = !!f.tty && process.stdin.isTTY;
      ws.on('open', () => {
        const resize = (): void => {
          if (process.stdout.columns) ws.send(Buffer.concat([Buffer.of(4), Buffer.from(JSON.stringify({ Width: process.stdout.columns, Height: process.stdout.rows }))]));
        };
        if (f.tty) { resize(); process.stdout.on('resize', resize); }
        if (raw) process.stdin.setRawMode(true);
        if (f.stdin) {
          process.stdin.on('data', (b: Buffer) => { ws.send(Buffer.concat([Buffer.of(0), b])); });
          process.stdin.on('end', () => ws.send(Buffer.of(255, 0)));
        }
      });
      ws.on('message', (m: Buffer) => {
        const body = m.subarray(1);
        if (m[0] === 1 || m[0] === 2) {
          const out = m[0] === 1 ? process.stdout : process.stderr;
          if (!out.write(body)) { ws.pause(); out.once('drain', () => ws.resume()); }
        } else if (m[0] === 3) {
          const s = JSON.parse(body.toString()) as { status: string; message?: string; details?: { causes?: Array<{ reason: string; message: string }> } };
          const exit = s.details?.causes?.find((c) => c.reason === 'ExitCode');
          code = s.status === 'Success' ? 0 : exit ? Number(exit.message) : 1;
          if (s.status !== 'Success' && !exit) process.stderr.write(`isthmus: ${s.message ?? 'exec failed'}\n`);
        }
      });
      ws.on('close', () => {
        if (raw) process.stdin.setRawMode(false);
        process.stdout.write('', () => process.exit(code));
      });
    });

  common(program.command('logs')
    .description('print (and follow) the log of a pod of an edge')
    .argument('<node>', 'the edge node')
    .argument('<pod>', 'the pod')
    .option('-f, --follow', 'keep printing lines as they are appended')
    .option('--tail <lines>', 'only the last N lines', (v) => port(v))
    .option('--since <duration>', 'only lines newer than this, e.g. 10m', duration)
    .option('--timestamps', 'prefix each line with its time')
    .addHelpText('after', `
Examples:
  $ isthmus logs edge-1 web
  $ isthmus logs edge-1 web -f --tail 10
  $ isthmus logs edge-1 web --since 10m --timestamps`))
    .action((node: string, pod: string, f: TargetFlags & { follow?: boolean; tail?: number; since?: number; timestamps?: boolean }) => {
      const q = new URLSearchParams({ node, follow: String(!!f.follow), timestamps: String(!!f.timestamps) });
      if (f.tail !== undefined) q.set('tailLines', String(f.tail));
      if (f.since !== undefined) q.set('sinceSeconds', String(Math.max(1, Math.ceil(f.since / 1000))));
      const url = `${kubeUrl(f)}${podPath(f, pod, 'log')}?${q}`;
      const opts = { headers: { authorization: `Bearer ${adminToken(f)}` }, ...tlsOptions(f) };
      const got = (res: IncomingMessage): void => {
        if (res.statusCode !== 200) {
          let body = '';
          res.on('data', (b: Buffer) => { body += b.toString(); });
          res.on('end', () => {
            let message = body;
            try { message = (JSON.parse(body) as { message?: string }).message ?? body; } catch { /* plain */ }
            fail(new Error(`logs: hub answered ${res.statusCode}: ${message}`));
          });
          return;
        }
        res.pipe(process.stdout);
        res.on('end', () => process.exit(0));
      };
      const req = url.startsWith('https:') ? request(url, opts, got) : httpRequest(url, opts, got);
      req.on('error', (err) => fail(new Error(`logs: cannot reach the kube API at ${kubeUrl(f)}: ${err.message}`)));
      req.end();
    });

  common(program.command('port-forward')
    .description('forward local TCP ports to declared ports of a pod of an edge')
    .argument('<node>', 'the edge node')
    .argument('<pod>', 'the pod')
    .argument('<ports...>', 'LOCAL:REMOTE or PORT (same number both sides); LOCAL 0 picks a free port')
    .option('--address <ip>', 'local address to listen on', '127.0.0.1')
    .addHelpText('after', `
Only ports the pod declares on its edge (tunnel.pods.NAME.ports) are reachable.

Examples:
  $ isthmus port-forward edge-1 web 8080:80
  $ isthmus port-forward edge-1 web 80 443
  $ isthmus port-forward edge-1 web 0:80        # a free local port, printed`))
    .action(async (node: string, pod: string, specs: string[], f: TargetFlags & { address: string }) => {
      const pairs = specs.map((s) => {
        const [a, b] = s.includes(':') ? s.split(':') : [s, s];
        try { return { local: port(a!), remote: port(b!) }; } catch (err) { return fail(new Error(`port-forward: ${(err as Error).message} in "${s}"`)); }
      });
      for (const { local, remote } of pairs) {
        const server = createServer((sock) => forward(f, node, pod, remote, sock));
        await new Promise<void>((ok, bad) => { server.once('error', bad); server.listen(local, f.address, ok); }).catch((err: Error) => fail(new Error(`port-forward: cannot listen on ${f.address}:${local}: ${err.message}`)));
        process.stdout.write(`Forwarding from ${f.address}:${(server.address() as AddressInfo).port} -> ${remote}\n`);
      }
    });
}

/** One local connection: one WebSocket, one tunnel stream to the pod's port. */
function forward(f: TargetFlags, node: string, pod: string, remote: number, sock: Socket): void {
  const ws = wsOpen(f, `${podPath(f, pod, 'portforward')}?${new URLSearchParams({ ports: String(remote), node })}`, ['v4.channel.k8s.io']);
  let prefixes = 0;
  ws.on('unexpected-response', (_req, res) => { process.stderr.write(`isthmus: port-forward refused: HTTP ${res.statusCode}\n`); sock.destroy(); });
  ws.on('error', (err) => { process.stderr.write(`isthmus: port-forward: ${err.message}\n`); sock.destroy(); });
  ws.on('open', () => {
    sock.on('data', (b: Buffer) => {
      ws.send(Buffer.concat([Buffer.of(0), b]));
      if (ws.bufferedAmount > 1 << 20) { sock.pause(); setTimeout(function wait() { if (ws.bufferedAmount < 1 << 18) sock.resume(); else setTimeout(wait, 5); }, 5); }
    });
    sock.on('end', () => ws.close(1000));
  });
  ws.on('message', (m: Buffer) => {
    if (prefixes < 2) { prefixes++; return; } // each channel opens with the port number
    if (m[0] === 0 && !sock.write(m.subarray(1))) { ws.pause(); sock.once('drain', () => ws.resume()); }
    else if (m[0] === 1) process.stderr.write(`isthmus: port-forward ${remote}: ${m.subarray(1).toString()}\n`);
  });
  ws.on('close', () => sock.end());
  sock.on('error', () => ws.close());
  sock.on('close', () => ws.close());
}
