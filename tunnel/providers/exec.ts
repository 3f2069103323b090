/**
 * The exec provider: runs a command in a pod's working directory, as a child
 * process with pipes, or under a PTY (node-pty) when a TTY is asked. Output
 * is paused while the stream's queue is full; stdin bytes are credited back
 * only once the child's pipe took them. The child's exit ends the stream:
 * its output, then FIN, then the exit status. A stream reset kills it.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { basename } from 'node:path';
import { StreamCode, StreamError } from '../codes.js';
import type { Provider } from '../provider.js';
import type { Stream } from '../stream.js';
import { argv, optBool, optInt } from './params.js';

export interface ExecParams {
  pod: string;
  command: string[];
  tty?: boolean;
  stdin?: boolean;
  cols?: number;
  rows?: number;
}

function allowed(program: string, allow: readonly string[]): boolean {
  return allow.includes('*') || allow.includes(program) || allow.includes(basename(program));
}

export const execProvider: Provider = async (stream, ctx) => {
  const p = stream.params;
  if (ctx.execAllow.length === 0) throw new StreamError(StreamCode.FORBIDDEN, 'exec is off on this edge (set tunnel.exec.allow)');
  const pod = ctx.pod(p.pod);
  const command = argv(p.command, 'command');
  if (!allowed(command[0]!, ctx.execAllow)) throw new StreamError(StreamCode.FORBIDDEN, `"${command[0]}" is not in this edge's tunnel.exec.allow`);
  const tty = optBool(p.tty, 'tty');
  const stdin = optBool(p.stdin, 'stdin');
  const cols = optInt(p.cols, 'cols', 1, 10_000) ?? 80;
  const rows = optInt(p.rows, 'rows', 1, 10_000) ?? 24;
  const env = { ...process.env, ...pod.env } as Record<string, string>;
  const cwd = pod.cwd ?? process.cwd();
  if (tty) return execPty(stream, command, cwd, { ...env, TERM: env.TERM ?? 'xterm' }, cols, rows, stdin);
  return execPipes(stream, command, cwd, env, stdin);
};

function execPipes(stream: Stream, command: string[], cwd: string, env: Record<string, string>, withStdin: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: [withStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let started = false;
    child.once('error', (err: NodeJS.ErrnoException) => {
      if (!started) reject(new StreamError(err.code === 'ENOENT' ? StreamCode.NOT_FOUND : StreamCode.INTERNAL, `cannot run "${command[0]}": ${err.message}`));
    });
    child.once('spawn', () => {
      started = true;
      stream.accept();
      resolve();
      const outs = [child.stdout!, child.stderr!];
      const pauseAll = (): void => { for (const o of outs) o.pause(); };
      stream.on('drain', () => { for (const o of outs) o.resume(); });
      child.stdout!.on('data', (b: Buffer) => { if (!stream.write(b, 0)) pauseAll(); });
      child.stderr!.on('data', (b: Buffer) => { if (!stream.write(b, 2)) pauseAll(); });
      if (child.stdin) {
        const input = child.stdin;
        input.on('error', () => { /* EPIPE: the command stopped reading; its exit tells the rest */ });
        stream.setReader((_ch, chunk) => { input.write(chunk, () => stream.consumed(chunk.length)); });
        stream.once('fin', () => input.end());
      } else {
        stream.setReader((_ch, chunk) => stream.consumed(chunk.length));
      }
      // 'close' comes after the exit and after stdout and stderr ended: all output is queued by then.
      child.once('close', (code, signal) => {
        stream.exit({ code: code ?? 128 + signalNumber(signal), ...(signal ? { signal } : {}) });
      });
      stream.once('close', () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
    });
  });
}

async function execPty(stream: Stream, command: string[], cwd: string, env: Record<string, string>, cols: number, rows: number, withStdin: boolean): Promise<void> {
  let pty: typeof import('node-pty');
  try {
    pty = await import('node-pty');
  } catch (err) {
    throw new StreamError(StreamCode.INTERNAL, `a TTY needs the node-pty package, which did not load: ${(err as Error).message}`);
  }
  let term: import('node-pty').IPty;
  try {
    term = pty.spawn(command[0]!, command.slice(1), { name: env.TERM ?? 'xterm', cols, rows, cwd, env });
  } catch (err) {
    throw new StreamError(StreamCode.NOT_FOUND, `cannot run "${command[0]}": ${(err as Error).message}`);
  }
  stream.accept();
  let exited = false;
  term.onData((d) => { if (!stream.write(Buffer.from(d, 'utf8'), 0)) term.pause(); });
  stream.on('drain', () => { if (!exited) term.resume(); });
  stream.on('resize', (c, r) => { if (!exited) term.resize(c, r); });
  stream.setReader((_ch, chunk) => {
    if (withStdin && !exited) term.write(chunk.toString('utf8'));
    stream.consumed(chunk.length);
  });
  // A PTY has no half-close: end of input is the terminal's EOF character.
  stream.once('fin', () => { if (withStdin && !exited) term.write('\x04'); });
  term.onExit(({ exitCode, signal }) => {
    exited = true;
    // node-pty reports the exit before the last output is read: let it drain first.
    setTimeout(() => stream.exit({ code: signal ? 128 + signal : exitCode, ...(signal ? { signal: signalName(signal) } : {}) }), 20);
  });
  stream.once('close', () => { if (!exited) term.kill('SIGHUP'); });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal ? (constants.signals[signal] ?? 0) : 0;
}

function signalName(n: number): string {
  return Object.entries(constants.signals).find(([, v]) => v === n)?.[0] ?? `SIG${n}`;
}
