/**
 * The parent's handle on a forked benchmark child (hub or swarm): requests
 * with ids and deadlines, and the child's RSS, peak RSS and CPU from /proc.
 * Every wait has a deadline, so a stuck child never hangs a benchmark.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A request without its id (distributes over the union of requests). */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class IpcChild<Req extends { id: number; type: string }, Rep extends { id: number; type: string }> {
  private nextId = 1;
  private readonly waiting = new Map<number, (r: Rep) => void>();
  private readonly exit: Promise<number | null>;
  exited = false;

  constructor(readonly child: ChildProcess) {
    child.on('message', (r: Rep) => {
      const w = this.waiting.get(r.id);
      if (w) { this.waiting.delete(r.id); w(r); }
    });
    this.exit = new Promise((resolve) => child.once('exit', (code) => { this.exited = true; resolve(code); }));
  }

  static fork<Req extends { id: number; type: string }, Rep extends { id: number; type: string }>(script: string, execArgv: string[] = []): IpcChild<Req, Rep> {
    // Inherit node flags (--cpu-prof and the like), never an inline program (-e, --eval): the child would run it again.
    const inherited = process.execArgv.filter((f) => f.startsWith('--') && !/^--(eval|print|input-type)\b/.test(f));
    return new IpcChild<Req, Rep>(fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...inherited, ...execArgv] }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  request<T extends Rep['type']>(req: WithoutId<Req>, timeoutMs: number): Promise<Extract<Rep, { type: T }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.waiting.delete(id); reject(new Error(`${req.type}: no answer within ${timeoutMs} ms`)); }, timeoutMs);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        if (r.type === 'error') reject(new Error(`child: ${(r as unknown as { message: string }).message}`));
        else resolve(r as Extract<Rep, { type: T }>);
      });
      this.child.send({ ...req, id });
    });
  }

  /** SIGTERM (the hub drains), then SIGKILL after graceMs; resolves with the exit code. */
  async terminate(graceMs: number): Promise<number | null> {
    if (this.exited) return this.exit;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const code = await this.exit;
    clearTimeout(timer);
    return code;
  }

  kill(): Promise<number | null> {
    if (!this.exited) this.child.kill('SIGKILL');
    return this.exit;
  }
}

export interface ProcFigures {
  rssBytes: number;
  /** Anonymous memory (heap, stacks, malloc): RSS without the store's mapped file pages. */
  rssAnonBytes: number;
  /** Peak RSS over the process's life (VmHWM). */
  peakRssBytes: number;
  /** user + system CPU, ms. */
  cpuMs: number;
}

export function procFigures(pid: number): ProcFigures {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssBytes: kb('VmRSS'), rssAnonBytes: kb('RssAnon'), peakRssBytes: kb('VmHWM'), cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / 100 };
  } catch {
    return { rssBytes: NaN, rssAnonBytes: NaN, peakRssBytes: NaN, cpuMs: NaN };
  }
}

/** The hard limit on open files of this process (children inherit it), from /proc. */
export function openFilesLimit(): number {
  try {
    const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m ? (m[2] === 'unlimited' ? Infinity : Number(m[2])) : NaN;
  } catch {
    return NaN;
  }
}
