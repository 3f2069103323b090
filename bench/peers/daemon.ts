/**
 * A peer daemon (mosquitto, nats-server) as a child process that dies with
 * the parent: killed on stop() and on the parent's exit. `wrap` puts a
 * command prefix before the binary (e.g. ['ip', 'netns', 'exec', 'NS']), so
 * readiness is read from the daemon's own log, not probed over TCP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

const live = new Set<ChildProcess>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => { for (const c of live) c.kill('SIGKILL'); });
}

export interface Daemon {
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

export interface DaemonOptions {
  wrap?: string[];
  /** The log line that says it is ready to serve. */
  ready: RegExp;
  timeoutMs?: number;
  label: string;
}

export async function startDaemon(bin: string, args: string[], o: DaemonOptions): Promise<Daemon> {
  hookExit();
  const argv = [...(o.wrap ?? []), bin, ...args];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => { live.delete(child); r(); }));
  const daemon: Daemon = {
    child,
    log: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 2_000);
        await exited;
        clearTimeout(t);
      }
    },
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { void daemon.stop(); reject(new Error(`${o.label} not ready within ${o.timeoutMs ?? 10_000} ms:\n${out.slice(-2000)}`)); }, o.timeoutMs ?? 10_000);
    let ready = false;
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (out.length > 1 << 20) out = out.slice(-(1 << 19));
      // Once ready, no more scans: a regex over up to 1 MiB of log per chunk took the CPU of the
      // measuring process itself (a hub printing a line per message made it a chunk per message).
      if (!ready && o.ready.test(out)) { ready = true; clearTimeout(timer); resolve(); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => { clearTimeout(timer); reject(new Error(`${o.label}: cannot run ${argv[0]}: ${err.message}`)); });
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`${o.label} exited (${code ?? signal}) before it was ready:\n${out.slice(-2000)}`)); });
  });
  return daemon;
}

/**
 * A free TCP port on host, for daemons that cannot take port 0. Another
 * process could take it before the daemon binds it; callers retry on that.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
