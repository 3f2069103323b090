/**
 * One socket of a link. A link may hold several (multipath): the control
 * lane is written on every path and the receiver keeps the first copy (by
 * seq); each other lane is written on one path at a time, its owner.
 *
 * Why a lane's stream on a path is safe to interleave with another path's:
 * a path (re)starts a lane at the peer's acknowledged seq and then writes it
 * contiguously, so when any of its messages arrives every earlier message
 * has arrived before it (on this path, or acked, which implies received).
 * A receiver that drops what is at or below its watermark therefore never
 * drops a message it has not seen. See proto/SPEC.md, "Multipath".
 */
import { encodeKeepalive } from '../proto/index.js';
import { LANE_COUNT } from './lane.js';
import { Liveness, type LivenessHost } from './liveness.js';
import type { Transport } from './transport.js';

/** Whom a path tells that its peer fell silent (the link). */
export interface PathOwner {
  pathSilent(path: Path, silentMs: number): void;
}

/** How long a path that lost a lane for want of acks ranks behind the others. */
const STALL_PENALTY_MS = 10_000;

export class Path implements LivenessHost {
  /** Highest seq written on this path, per lane. */
  readonly sent = new Array<number>(LANE_COUNT).fill(0);
  readonly connectedAt = Date.now();
  /** Until when this path ranks last: a lane stalled on it (lost packets). */
  private penaltyUntil = 0;
  stalls = 0;

  readonly liveness: Liveness;

  constructor(readonly conn: Transport, private readonly owner: PathOwner, readonly index: number, pingIntervalMs: number, passivePing: boolean) {
    this.liveness = new Liveness(pingIntervalMs, this, passivePing);
  }

  sendPing(nonce: number, sentAt: number): void {
    this.conn.send(encodeKeepalive('ping', nonce, sentAt));
  }

  silent(silentMs: number): void {
    this.owner.pathSilent(this, silentMs);
  }

  get rttMs(): number | null {
    return this.liveness.rttMs;
  }

  /** A lane had no ack on this path in time: rank it last for a while. */
  stalled(now: number): void {
    this.stalls++;
    this.penaltyUntil = now + STALL_PENALTY_MS;
  }

  /** Lower is better: recent loss first, then smoothed RTT (unknown counts as slow). */
  score(now: number): number {
    return (now < this.penaltyUntil ? 1e6 : 0) + (this.liveness.rttMs ?? 1e3);
  }
}

/** The best of the paths for a lane (lowest score; the lowest index on a tie), or null. */
export function bestPath(paths: readonly Path[], now: number, except?: Path): Path | null {
  let best: Path | null = null;
  let bestScore = Infinity;
  for (const p of paths) {
    if (p === except) continue;
    const s = p.score(now);
    if (s < bestScore) { best = p; bestScore = s; }
  }
  return best;
}
