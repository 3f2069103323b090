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

/** Claims dir for this process; returns the release function. */
export function claimStore(dir: string): () => void {
  if (claimed.has(dir)) throw new StoreInUseError(dir, process.pid);
  const file = join(dir, 'owner.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      claimed.add(dir);
      return () => { claimed.delete(dir); rmSync(file, { force: true }); };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && alive(pid)) throw new StoreInUseError(dir, pid);
      rmSync(file, { force: true }); // left by a process that died
    }
  }
  throw new StoreInUseError(dir, NaN);
}
