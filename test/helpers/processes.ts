/** Real hub processes (the built CLI) for tests that freeze or kill them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';

/** The command as installed (`bin`): the bundle scripts/bundle-cli.mjs writes. */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'bin', 'isthmus.js');

export interface Proc {
  child: ChildProcess;
  stdout: string[];
  stderr: string;
  /** Resolves with the first stdout/stderr match of re. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const proc: Proc = {
    child,
    stdout: [],
    stderr: '',
    waitFor(re, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const m = (proc.stdout.join('\n') + '\n' + proc.stderr).match(re);
          if (m) { cleanup(); resolve(m); }
          return !!m;
        };
        const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out waiting for ${re} from isthmus ${args[0]}; stderr:\n${proc.stderr.slice(-2000)}`)); }, timeoutMs);
        const cleanup = (): void => { clearTimeout(timer); child.stdout!.off('data', check); child.stderr!.off('data', check); };
        if (!check()) { child.stdout!.on('data', check); child.stderr!.on('data', check); }
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited;
    },
  };
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    const lines = (partial + d).split('\n');
    partial = lines.pop()!;
    proc.stdout.push(...lines);
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { proc.stderr += d; });
  return proc;
}
