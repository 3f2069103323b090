/**
 * Graceful drain of the cloud hub's edges (SIGTERM, CloudHub.drain()): the hub
 * has already stopped accepting; here every link writes the Acks it owes (once
 * their inbox commits are synced, so the edges do not resend what is durable
 * here), every edge is sent a GoAway saying when (retry-after with jitter, so
 * they do not all come back in the same second) or where (another replica)
 * to reconnect, and the drain waits for the sockets to go, all within one
 * deadline.
 *
 * The edges close their sockets themselves on a GoAway (they drop them: their
 * side sends the first FIN). Whichever side closes TCP first keeps the
 * connection in TIME_WAIT for a minute, and uWS listens without SO_REUSEADDR:
 * had the hub closed 10k sockets itself, a hub restarted on the same host
 * could not bind its port for a minute. Sockets still open after a grace
 * period (an old or stuck edge) are closed by the hub: up to 10 s, at most half the deadline.
 */
import type { Logger } from 'pino';
import { CloseCode } from '../proto/index.js';
import type { Link } from '../link/index.js';
import type { EdgeSocket } from './edge-socket.js';

export interface DrainOptions {
  /** Longest the drain may take, ms; default the hub's drainTimeoutMs. */
  timeoutMs?: number;
  /** Reconnect URL for the edges (another replica); default the hub's drainRedirect. */
  redirect?: string;
}

export interface DrainResult {
  /** Edge sockets open when the drain began. */
  edges: number;
  /** Sockets still open at the deadline (closed without waiting further). */
  leftOpen: number;
  /** Links whose pending acks were not written before the deadline. */
  acksPending: number;
  ms: number;
}

export interface DrainTarget {
  sockets: ReadonlySet<EdgeSocket>;
  links: Iterable<Link>;
  /** Sends GoAway; closes the socket with `code` if closeNow. */
  goAway(sock: EdgeSocket, code: number, reason: string, retryAfterMs: number, redirect: string, closeNow: boolean): void;
  retryAfterMs: number;
  jitterMs: number;
  log: Logger;
}

export async function drainEdges(t: DrainTarget, timeoutMs: number, redirect: string): Promise<DrainResult> {
  const start = performance.now();
  const left = (): number => Math.max(0, timeoutMs - (performance.now() - start));
  const edges = t.sockets.size;
  // 1. Acks first: what this hub made durable is acked before the socket goes.
  let acksPending = 0;
  await Promise.all([...t.links].map((l) => within(l.flushAcks(), left()).then((done) => { if (!done) acksPending++; })));
  // 2. GoAway: when or where to come back; the edge drops the socket on it.
  const reason = redirect ? 'cloud hub draining: reconnect to the other replica' : 'cloud hub draining: reconnect later';
  for (const sock of [...t.sockets]) {
    const jitter = Math.floor(Math.random() * t.jitterMs);
    const retryAfterMs = redirect ? jitter : t.retryAfterMs + jitter;
    t.goAway(sock, CloseCode.SHUTTING_DOWN, reason, retryAfterMs, redirect, false);
  }
  const graceEnd = performance.now() + Math.min(EDGE_CLOSE_GRACE_MS, left() / 2);
  await until(() => t.sockets.size === 0 || performance.now() >= graceEnd);
  // 3. What the edges left open, the hub closes; then wait for those to go, up to the deadline.
  for (const sock of [...t.sockets]) sock.close(CloseCode.SHUTTING_DOWN, reason);
  await until(() => t.sockets.size === 0 || left() <= 0);
  const result = { edges, leftOpen: t.sockets.size, acksPending, ms: Math.round(performance.now() - start) };
  t.log[result.leftOpen || acksPending ? 'warn' : 'info'](result, 'drain finished');
  return result;
}

/**
 * How long the edges get to drop their sockets after the GoAway before the hub closes them, ms
 * (at most half the drain deadline): 10k edges on a busy machine need seconds (bench storm).
 */
const EDGE_CLOSE_GRACE_MS = 10_000;

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 10));
}

/** Resolves true when p settles within ms, false otherwise (p keeps running). */
function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.then(() => true, () => true),
    new Promise<boolean>((r) => { timer = setTimeout(() => r(false), ms); }),
  ]).finally(() => clearTimeout(timer));
}
