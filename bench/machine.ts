/** What every result records about how and where it was measured, so figures can be compared later. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface RunInfo {
  command: string;
  date: string;
  node: string;
  /** `nproc`: the CPUs this process may use (what server and clients share). */
  nproc: number;
  cpu: string;
  platform: string;
  quick: boolean;
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}

export function runInfo(argv: readonly string[], quick: boolean): RunInfo {
  return {
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    date: new Date().toISOString(),
    node: process.version,
    nproc: nproc(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    quick,
  };
}
