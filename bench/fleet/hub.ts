/** A cloud hub in a child process for the fleet benchmarks (hub-process.ts), with its /proc figures. */
import { fileURLToPath } from 'node:url';
import { IpcChild, procFigures, type ProcFigures } from './ipc-child.js';
import type { HubReply, HubRequest, HubStatus } from './swarm-protocol.js';

const SCRIPT = fileURLToPath(new URL('./hub-process.js', import.meta.url));

export class HubChild {
  private constructor(private readonly c: IpcChild<HubRequest, HubReply>, readonly port: number, readonly openMs: number) {}

  static async start(dataDir: string, listen: string, admission: { ratePerSecond: number; burst: number }, extra: { pingIntervalMs?: number; retryAfterMs?: number } = {}): Promise<HubChild> {
    const c = IpcChild.fork<HubRequest, HubReply>(SCRIPT, ['--expose-gc']);
    try {
      const r = await c.request<'started'>({ type: 'start', dataDir, listen, admission, ...extra }, 120_000);
      return new HubChild(c, r.port, r.openMs);
    } catch (err) {
      await c.kill();
      throw err;
    }
  }

  get pid(): number {
    return this.c.pid;
  }

  proc(): ProcFigures {
    return procFigures(this.c.pid);
  }

  /** With gc: after a full garbage collection (the child runs with --expose-gc). */
  async status(gc = false): Promise<HubStatus> {
    return (await this.c.request<'status'>({ type: 'status', gc }, 30_000)).status;
  }

  /** Time and size of one /metrics exposition. */
  async scrape(): Promise<{ ms: number; bytes: number }> {
    const r = await this.c.request<'scrape'>({ type: 'scrape' }, 60_000);
    return { ms: r.ms, bytes: r.bytes };
  }

  async queue(nodes: string[], perNode: number): Promise<void> {
    await this.c.request({ type: 'queue', nodes, perNode }, 300_000);
  }

  async probe(nodes: string[], count: number, ratePerSecond: number): Promise<void> {
    await this.c.request({ type: 'probe', nodes, count, ratePerSecond }, 60_000 + (count / ratePerSecond) * 2000);
  }

  /** SIGTERM: the hub drains; SIGKILL after graceMs. */
  terminate(graceMs: number): Promise<number | null> {
    return this.c.terminate(graceMs);
  }

  kill(): Promise<number | null> {
    return this.c.kill();
  }
}
