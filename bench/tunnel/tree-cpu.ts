/**
 * CPU time (user + system) of this process and all its descendants, from
 * /proc: what a transfer cost the machine in all, whichever process paid it
 * (the client and the cloud hub here, the edge hub, sshd and ssh, the
 * targets). Unlike Gbit/s it hardly moves with the load of other processes
 * on a shared machine. Linux only: null elsewhere. /proc counts clock ticks
 * of USER_HZ, 100 per second on Linux.
 */
import { readdirSync, readFileSync } from 'node:fs';

const MS_PER_TICK = 10;

/** Milliseconds of CPU used so far by this process and its descendants (live ones), or null without /proc. */
export function treeCpuMs(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command (which may hold spaces): state ppid ... utime(14) stime(15), 1-based.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(Number(name), Number(f[1]));
    ticks.set(Number(name), Number(f[11]) + Number(f[12]));
  }
  let total = 0;
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 0 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  for (const [pid, t] of ticks) if (inTree(pid)) total += t;
  return total * MS_PER_TICK;
}
