/**
 * One process per store: two hubs sharing a folder would share outboxes and
 * send each other's messages. The owner writes its pid to `owner.pid`,
 * created exclusively; a file left by a process that no longer runs (a crash)
 * is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IsthmusError } from './errors.js';

export class StoreInUseError extends IsthmusError {
  constructor(dir: string, pid: number) {
    super('STORE_IN_USE', `store ${dir} is in use by process ${pid}: give each hub its own data folder`);
    this.name = 'StoreInUseError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stores this process holds: a pid file naming this pid is otherwise stale (a container restarts as pid 1 again). */
const claimed = new Set<string>();

export interface Claim {
  release: () => void;
  /** The previous owner died without releasing the store (a crash or kill -9). */
  unclean: boolean;
}

/** Claims dir for this process. */
export function claimStore(dir: string): Claim {
  if (claimed.has(dir)) throw new StoreInUseError(dir, process.pid);
  const file = join(dir, 'owner.pid');
  let unclean = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      claimed.add(dir);
      return { release: () => { claimed.delete(dir); rmSync(file, { force: true }); }, unclean };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && alive(pid)) throw new StoreInUseError(dir, pid);
      rmSync(file, { force: true }); // left by a process that died
      unclean = true;
    }
  }
  throw new StoreInUseError(dir, NaN);
}
