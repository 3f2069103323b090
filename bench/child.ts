/**
 * The parent's handle on a child process running bench/peer.js: start it with
 * a spec, wait for its messages with deadlines, stop it for sure. Every wait
 * has a deadline so that a stuck child can never hang a benchmark.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FromPeer, PeerSpec, ToPeer } from './protocol.js';

const PEER_SCRIPT = fileURLToPath(new URL('./peer.js', import.meta.url));

export class Peer {
  private readonly queue: FromPeer[] = [];
  private waiter: ((m: FromPeer) => void) | null = null;
  private exited = false;
  private readonly exit: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: FromPeer) => {
      const w = this.waiter;
      if (w) { this.waiter = null; w(m); } else this.queue.push(m);
    });
    this.exit = new Promise((resolve) => child.once('exit', () => {
      this.exited = true;
      this.waiter?.({ type: 'error', message: 'child exited' });
      resolve();
    }));
  }

  /** Forks the child (inheriting execArgv, so `node --cpu-prof` profiles it too) and waits until its clients are connected. */
  static async start(spec: PeerSpec, timeoutMs = 60_000): Promise<Peer> {
    const child = fork(PEER_SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const peer = new Peer(child);
    peer.send({ type: 'start', spec });
    try {
      await peer.next('ready', timeoutMs);
    } catch (err) {
      await peer.stop();
      throw err;
    }
    return peer;
  }

  /**
   * CPU time the child has used so far, ms, from /proc (Linux; NaN elsewhere).
   * Coarse (clock ticks), fine for runs of seconds; the throughput runs use
   * the child's own finer figure that comes with "done".
   */
  cpuMs(): number {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in USER_HZ (100 on Linux)
    } catch {
      return NaN;
    }
  }

  send(m: ToPeer): void {
    if (!this.exited && this.child.connected) this.child.send(m);
  }

  /** The next message from the child, which must be of the given type. */
  next<T extends FromPeer['type']>(type: T, timeoutMs: number): Promise<Extract<FromPeer, { type: T }>> {
    const take = (m: FromPeer): Extract<FromPeer, { type: T }> => {
      if (m.type === type) return m as Extract<FromPeer, { type: T }>;
      throw new Error(m.type === 'error' ? `child: ${m.message}` : `child sent ${m.type}, expected ${type}`);
    };
    const queued = this.queue.shift();
    if (queued) return Promise.resolve().then(() => take(queued));
    if (this.exited) return Promise.reject(new Error(`child exited before sending ${type}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.waiter = null; reject(new Error(`child did not send ${type} within ${timeoutMs} ms`)); }, timeoutMs);
      this.waiter = (m) => {
        clearTimeout(timer);
        try { resolve(take(m)); } catch (err) { reject(err); }
      };
    });
  }

  /** Asks the child to close its clients and exit; kills it if it has not within 5 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exit;
    clearTimeout(timer);
  }
}
