/**
 * The lossy link: a private network namespace with only `lo` up, and an
 * nftables rule that drops a share of the TCP packets to and from the link's
 * ports (`numgen random mod 1000 < N drop`), so only the hop between the two
 * ends of each system is impaired, not a local client of a broker. The
 * kernel here has no netem; this is as real as loss gets on one machine.
 *
 * The namespace is removed on exit, on SIGINT/SIGTERM, and by a later run
 * that finds one left behind (names carry the creating pid).
 */
import { execFileSync } from 'node:child_process';

const PREFIX = 'isthmus-loss-';
const TABLE = 'isthmus_loss';

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Why this machine cannot run the lossy part, or null when it can (root, ip, nft). */
export function namespaceUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'creating a network namespace needs root';
  for (const [cmd, args] of [['ip', ['-V']], ['nft', ['--version']]] as const) {
    try { run(cmd, [...args]); } catch { return `\`${cmd}\` is not installed (Debian: iproute2, nftables)`; }
  }
  return null;
}

export class LossNamespace {
  private removed = false;
  private readonly cleanup = (): void => this.remove();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.remove();
    process.kill(process.pid, signal);
  };

  private constructor(readonly name: string) {}

  static create(): LossNamespace {
    removeStale();
    const ns = new LossNamespace(`${PREFIX}${process.pid}`);
    run('ip', ['netns', 'add', ns.name]);
    process.once('exit', ns.cleanup);
    process.once('SIGINT', ns.onSignal);
    process.once('SIGTERM', ns.onSignal);
    try {
      ns.exec('ip', ['link', 'set', 'lo', 'up']);
      ns.exec('nft', ['add', 'table', 'inet', TABLE]);
      ns.exec('nft', ['add', 'chain', 'inet', TABLE, 'out', '{ type filter hook output priority 0; }']);
    } catch (err) {
      ns.remove();
      throw err;
    }
    return ns;
  }

  /** Command prefix that runs a program inside the namespace. */
  get wrap(): string[] {
    return ['ip', 'netns', 'exec', this.name];
  }

  exec(cmd: string, args: string[]): string {
    return run('ip', ['netns', 'exec', this.name, cmd, ...args]);
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    process.off('exit', this.cleanup);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    try { run('ip', ['netns', 'del', this.name]); } catch { /* already gone */ }
  }
}

/**
 * From inside the namespace (the worker): drop `perMille` of the TCP packets
 * whose source or destination port is one of `ports`, in both directions.
 */
export function setLoss(ports: readonly number[], perMille: number): void {
  run('nft', ['flush', 'chain', 'inet', TABLE, 'out']);
  if (perMille <= 0) return;
  for (const port of ports) {
    for (const dir of ['dport', 'sport']) {
      run('nft', ['add', 'rule', 'inet', TABLE, 'out', 'tcp', dir, String(port), 'numgen', 'random', 'mod', '1000', '<', String(perMille), 'counter', 'drop']);
    }
  }
}

/** From inside the namespace: packets the loss rules have dropped since they were set. */
export function droppedPackets(): number {
  const text = run('nft', ['list', 'chain', 'inet', TABLE, 'out']);
  let n = 0;
  for (const m of text.matchAll(/counter packets (\d+)/g)) n += Number(m[1]);
  return n;
}

/** Namespaces of earlier runs whose process is gone (killed with SIGKILL). */
function removeStale(): void {
  let names: string[] = [];
  try { names = run('ip', ['netns', 'list']).split('\n').map((l) => l.split(' ')[0]!).filter((n) => n.startsWith(PREFIX)); } catch { return; }
  for (const n of names) {
    const pid = Number(n.slice(PREFIX.length));
    let alive = false;
    try { process.kill(pid, 0); alive = true; } catch { /* gone */ }
    if (!alive) try { run('ip', ['netns', 'del', n]); } catch { /* raced */ }
  }
}
