/**
 * Many simulated edges in several child processes, each from its own
 * loopback address (127.0.0.2, .3, ...): one address has ~28k ephemeral ports,
 * and refused upgrades leave sockets in TIME_WAIT for a minute.
 */
import { fileURLToPath } from 'node:url';
import { IpcChild, procFigures } from './ipc-child.js';
import type { SwarmReply, SwarmRequest, SwarmStatus } from './swarm-protocol.js';

const SCRIPT = fileURLToPath(new URL('./swarm-process.js', import.meta.url));

export interface SwarmOptions {
  url: string;
  nodes: Array<{ node: string; token: string }>;
  /** Edges per child process. */
  perChild: number;
  hold: boolean;
  backoffBaseMs: number;
  backoffCapMs: number;
}

export class Swarm {
  private constructor(private readonly children: IpcChild<SwarmRequest, SwarmReply>[]) {}

  static async start(o: SwarmOptions): Promise<Swarm> {
    const children: IpcChild<SwarmRequest, SwarmReply>[] = [];
    for (let i = 0; i * o.perChild < o.nodes.length; i++) {
      const child = IpcChild.fork<SwarmRequest, SwarmReply>(SCRIPT, ['--max-old-space-size=4096']);
      children.push(child);
      await child.request({
        type: 'start', url: o.url, nodes: o.nodes.slice(i * o.perChild, (i + 1) * o.perChild),
        localAddress: `127.0.0.${2 + i}`, hold: o.hold, backoffBaseMs: o.backoffBaseMs, backoffCapMs: o.backoffCapMs,
      }, 30_000);
    }
    return new Swarm(children);
  }

  async hold(hold: boolean): Promise<void> {
    await Promise.all(this.children.map((c) => c.request({ type: 'hold', hold }, 10_000)));
  }

  async status(): Promise<SwarmStatus> {
    // Generous: 5000 edges reconnecting at once keep a child's event loop busy for seconds on a shared 2-core machine.
    const all = await Promise.all(this.children.map((c) => c.request<'status'>({ type: 'status' }, 120_000)));
    const sum = { edges: 0, online: 0, upAcked: 0, delivered: 0, duplicates: 0, held: 0, refused: 0, connects: 0, goAways: 0, rssBytes: 0 };
    for (const { status } of all) for (const k of Object.keys(sum) as (keyof SwarmStatus)[]) sum[k] += status[k];
    return sum;
  }

  async latencies(): Promise<number[]> {
    const all = await Promise.all(this.children.map((c) => c.request<'latencies'>({ type: 'latencies' }, 30_000)));
    return all.flatMap((r) => r.ms);
  }

  cpuMs(): number {
    return this.children.reduce((a, c) => a + procFigures(c.pid).cpuMs, 0);
  }

  async stop(): Promise<void> {
    await Promise.all(this.children.map(async (c) => {
      try { await c.request({ type: 'stop' }, 5_000); } catch { /* killed below */ }
      const t = setTimeout(() => void c.kill(), 5_000);
      await c.terminate(5_000);
      clearTimeout(t);
    }));
  }
}
