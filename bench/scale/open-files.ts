/**
 * Why a count of idle edges cannot run here: one hub process holds one socket
 * per edge, and the hard RLIMIT_NOFILE caps its descriptors. Only a process
 * with CAP_SYS_RESOURCE may raise a hard limit, and root in a container often
 * lacks it (`ulimit -Hn N` then fails with "Operation not permitted"), so the
 * note says which case this is instead of advising what cannot work.
 */
import { readFileSync } from 'node:fs';

const CAP_SYS_RESOURCE = 24n;

/** Whether this process may raise its hard limits (CAP_SYS_RESOURCE in its effective set); null when /proc does not say. */
export function canRaiseHardLimits(): boolean | null {
  try {
    const m = /^CapEff:\s+([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? ((BigInt(`0x${m[1]}`) >> CAP_SYS_RESOURCE) & 1n) === 1n : null;
  } catch {
    return null;
  }
}

/** The note of a count above the limit: what the limit is, and what would lift it here. */
export function overLimitNote(edges: number, limit: number, reserve: number, canRaise = canRaiseHardLimits()): string {
  const how = canRaise === false
    ? 'this process lacks CAP_SYS_RESOURCE, so it cannot raise the hard limit (ulimit -Hn fails); run the benchmark where it can, e.g. docker run --ulimit nofile=120000:120000, or as root on a host'
    : 'raise it first: ulimit -Hn 120000 (as root), or LimitNOFILE= in a systemd unit';
  return `not run: ${edges} edges need ${edges + reserve} descriptors in one hub process, above its hard open-file limit of ${limit} (RLIMIT_NOFILE); ${how}`;
}
