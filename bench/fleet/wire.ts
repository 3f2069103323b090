/**
 * Bytes on the wire of TCP connections, from the kernel (`ss -ti`): payload
 * bytes both ways plus 52 bytes of IPv4 + TCP headers (with the timestamp
 * option Linux uses) per segment both ways, pure ACKs included. Read on the
 * hub's side of each connection, where every segment of it is counted once.
 */
import { execFileSync } from 'node:child_process';

const HEADER_BYTES = 52;

export interface WireSnapshot {
  /** Per connection (local and peer address): wire bytes so far. */
  bytes: Map<string, number>;
  at: number;
}

/** Established connections whose local port is `port` (or, with peerPort, whose peer port is it). */
export function wireSnapshot(port: number, side: 'sport' | 'dport' = 'sport'): WireSnapshot {
  const out = execFileSync('ss', ['-tinH', 'state', 'established', `( ${side} = :${port} )`], { encoding: 'utf8', maxBuffer: 512 << 20 });
  const bytes = new Map<string, number>();
  const lines = out.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    if (!head || /^\s/.test(head)) continue;
    const f = head.trim().split(/\s+/);
    const info = lines[i + 1] ?? '';
    const n = (k: string): number => Number(new RegExp(`\\b${k}:(\\d+)`).exec(info)?.[1] ?? 0);
    bytes.set(`${f[2]} ${f[3]}`, n('bytes_sent') + n('bytes_received') + HEADER_BYTES * (n('segs_out') + n('segs_in')));
  }
  return { bytes, at: performance.now() };
}

/** Wire bytes per second per connection between two snapshots, over the connections present in both. */
export function wireRate(a: WireSnapshot, b: WireSnapshot): { connections: number; bytesPerSecondEach: number } {
  let sum = 0;
  let n = 0;
  for (const [k, v] of b.bytes) {
    const before = a.bytes.get(k);
    if (before === undefined) continue;
    sum += v - before;
    n++;
  }
  const seconds = (b.at - a.at) / 1000;
  return { connections: n, bytesPerSecondEach: n ? sum / n / seconds : NaN };
}
