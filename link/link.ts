/**
 * A link to one peer: the state that outlives connections (outbox, inbox,
 * receipts, counters) and the current connection, if any. Data flows one way
 * through it: accept -> queue -> send -> ack -> forget; the receive side
 * delivers each message once, inside the inbox's commit, and acks it once
 * that commit is synced.
 */
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import {
  batchEntrySize, CloseCode, encodeAckFrame, encodeBatchFrame, encodeFrame, encodeKeepalive, ProtocolError,
  type Frame, type WireCursor, type WireMessage, type WireMessageProps,
} from '../proto/index.js';
import type { LinkConfig } from './config.js';
import { LANE_COUNT, LANE_NAMES, type LaneName, laneIndex } from './lane.js';
import type { Inbox } from './inbox.js';
import { InboundMessage, objectIdentity, toWire, type SendInput } from './message.js';
import type { Appended, DropReason, LaneDepth, Outbox } from './outbox.js';
import { LazyReceipt, type Delivery, type Receipt } from './receipt.js';
import type { Transport } from './transport.js';
import { DropLog } from './drop-log.js';
import { bestPath, Path, type PathOwner } from './path.js';
import { AckClock } from './ack-clock.js';
import { FlushScheduler } from './flush-scheduler.js';
import { AckSampler, type LinkObserver } from './link-observer.js';

export interface LinkStats {
  messagesIn: number;
  messagesOut: number;
  framesIn: number;
  framesOut: number;
  /** Received again after a reconnect and not delivered again. */
  duplicates: number;
  /** Ack frames written; acks that rode on a batch (a reply) are not counted. */
  ackFrames: number;
  /** Copies that another path delivered first (multipath), not delivered again. */
  redundant: number;
  /** Times a lane moved to another path because its acks stalled (fast retransmit). */
  fastRetransmits: number;
  /** Objects older than the newest version already delivered, not delivered. */
  stale: number;
  /** Times the in-flight window filled and held back state, events and bulk. */
  windowStalls: number;
  dropped: Record<LaneName, Record<DropReason, number>>;
}

export interface LinkOptions {
  /** The peer's name, for logs. */
  peer: string;
  /** The node this link serves, when the peer is one (the cloud side): log lines carry it as `node`. */
  node?: string;
  outbox: Outbox;
  inbox: Inbox;
  config: LinkConfig;
  log: Logger;
  /** Hands one message to the application (never twice; see onBatch). */
  /** With the link's peer: one function can serve every link of a hub (no closure per edge). */
  deliver: (message: InboundMessage, peer: string) => void;
  /** Called for each accepted message before the inbox commits, to write derived state (the resource cache) in the same commit. */
  record?: (message: WireMessage) => void;
  /** Shared by a hub's links so that they flush together once per turn (see flush-scheduler.ts). */
  scheduler?: FlushScheduler;
  /** Told of RTT samples and sampled ack latencies (metrics). */
  observer?: LinkObserver;
  /** Skip this side's Ping in an interval when the peer pinged (the edge; see liveness.ts). */
  passivePing?: boolean;
}

type Waiters = Map<number, (d: Delivery) => void>;

/** Drop counters of every lane. */
function dropCounters(): LinkStats['dropped'] {
  return Object.fromEntries(LANE_NAMES.map((l) => [l, { ttl: 0, overflow: 0, superseded: 0 }])) as LinkStats['dropped'];
}

/** All zeros, shared (frozen) by every link until its first drop: an idle link holds no counters of its own (~250 B). */
const NO_DROPS: LinkStats['dropped'] = Object.freeze(Object.fromEntries(
  Object.entries(dropCounters()).map(([lane, counts]) => [lane, Object.freeze(counts)]),
)) as LinkStats['dropped'];

/** Lanes from this one down (state, events, bulk) are held to the in-flight window; control never is. */
const WINDOWED_FROM = 1;
/**
 * Bytes the peer may hold received but not yet synced, in in-flight windows:
 * its receive commits then stay bounded when its disk is slower than the link.
 */
const UNSYNCED_WINDOWS = 4;
/**
 * While control messages are being sent (one within CONTROL_LIVE_MS), state,
 * events and bulk get this share of the in-flight window: less of them is
 * queued in kernel buffers and at the receiver ahead of the next control
 * message. The credit (Ack.received) keeps a small window moving.
 */
const CONTROL_LIVE_MS = 1000;
const CONTROL_LIVE_SHARE = 0.25;
/**
 * The same share for this long after the link comes up with a backlog of
 * windowed messages (a slow start): without it the backlog's first full
 * window is written at once, ahead of the control message that the 'online'
 * event brings (controllers act on the peer's return). Only with a backlog:
 * a link that comes up empty has no drain to hold back, and keeps its whole
 * window from the start.
 */
const SLOW_START_MS = 100;

export class Link implements PathOwner {
  readonly peer: string;
  private readonly outbox: Outbox;
  private readonly inbox: Inbox;
  private readonly config: LinkConfig;
  private readonly log: Logger;
  private readonly deliver: (message: InboundMessage, peer: string) => void;

  /** The sockets in use, oldest first (several with multipath). */
  private paths: Path[] = [];
  /** Per windowed lane, the path it is written on; control is written on every path. */
  private readonly owner: Array<Path | null> = new Array<Path | null>(LANE_COUNT).fill(null);
  /** Per lane, when its acks last moved forward (or it started waiting for one). */
  private readonly progressAt = new Array<number>(LANE_COUNT).fill(0);
  private readonly ackClock: AckClock;
  private stallTimer: NodeJS.Timeout | null = null;
  /** Highest seq the peer acknowledged, per lane. */
  private readonly acked = new Array<number>(LANE_COUNT).fill(0);
  /**
   * Sent bytes of the windowed lanes neither received nor acknowledged (the
   * window), and where each frame's share ends. A lane's first
   * `creditedMarks` marks were received and left the window; they stay until
   * acknowledged, counted in `unackedBytes`.
   */
  private inflightBytes = 0;
  private unackedBytes = 0;
  /** Per windowed lane, made on its first frame (an idle link holds none). */
  private readonly inflightMarks: Array<Array<{ seq: number; bytes: number; at: number }> | null> = new Array(LANE_COUNT).fill(null);
  private readonly creditedMarks = new Array<number>(LANE_COUNT).fill(0);
  private windowFull = false;
  /** Until when the windowed lanes get CONTROL_LIVE_SHARE: a control message was written, or the link came up with a backlog. */
  private sharedUntil = -Infinity;
  /** Receipts waiting for an ack, per lane; a lane's Map is made when first needed (most links never have one). */
  private readonly waiters: Array<Waiters | undefined> = new Array<Waiters | undefined>(LANE_COUNT);
  /** Waiters were registered out of seq order: an ack must scan them all. */
  private readonly unordered = new Array<boolean>(LANE_COUNT).fill(false);
  /** Highest seq among the waiters, to notice one registered out of order without a scan. */
  private readonly lastTracked = new Array<number>(LANE_COUNT).fill(0);
  /**
   * Why recent seqs were dropped, for receipts asked for after the drop.
   * Made on the first drop: an LRUCache allocates its whole capacity up
   * front (~220 KB for 10k entries), which an idle edge's link must not pay.
   */
  private recentDrops: LRUCache<string, DropReason> | null = null;
  private readonly drops: DropLog;
  private frameBytes: number;
  private readonly scheduler: FlushScheduler;
  private blocked = false;
  private ackLanes = 0;
  /** Per lane, the highest seq delivered with a durable watermark: what an Ack may claim. */
  private readonly ackable = new Array<number>(LANE_COUNT).fill(0);
  /** Acks waiting for their inbox sync, in order; null when none. */
  private acking: Promise<void> | null = null;
  private failure: Error | null = null;
  private readonly record?: (m: WireMessage) => void;
  private ackScheduled = false;
  /** Inside onBatch's delivery; a flush asked for meanwhile runs after it. */
  private delivering = false;
  private flushAfterDelivery = false;
  private ackTimer: NodeJS.Timeout | null = null;
  /** Message bytes made ackable (committed and synced) since the last Ack frame. */
  private bytesSinceAck = 0;
  /** Lanes delivered to since the last credit (Ack.received claims their watermarks). */
  private creditLanes = 0;
  /** Message bytes delivered since the last credit. */
  private bytesSinceCredit = 0;
  private creditScheduled = false;
  private closed = false;
  private readonly observer: LinkObserver | null;
  /** Made at the first send (a hub's idle links never send). */
  private sampler: AckSampler | null = null;
  private readonly passivePing: boolean;
  /** What receipts call to wait for their ack: one function for all of them. */
  private readonly tracker = (lane: LaneName, seq: number): Promise<Delivery> => this.track(lane, seq);

  readonly stats: LinkStats = {
    messagesIn: 0, messagesOut: 0, framesIn: 0, framesOut: 0, duplicates: 0, ackFrames: 0, redundant: 0, fastRetransmits: 0, stale: 0, windowStalls: 0,
    dropped: NO_DROPS,
  };
  connectedAt: number | null = null;
  lastSeenAt: number | null = null;

  /** Fields every log line of this link carries (peer, and node on the cloud side). */
  private readonly who: { peer: string; node?: string };

  constructor(opts: LinkOptions) {
    this.peer = opts.peer;
    this.who = opts.node ? { peer: opts.peer, node: opts.node } : { peer: opts.peer };
    this.outbox = opts.outbox;
    this.inbox = opts.inbox;
    this.config = opts.config;
    this.log = opts.log;
    this.deliver = opts.deliver;
    this.record = opts.record;
    this.scheduler = opts.scheduler ?? new FlushScheduler();
    this.frameBytes = opts.config.batchBytes;
    this.drops = new DropLog(opts.log, this.who);
    this.ackClock = new AckClock(opts.config.fastRetransmitMinMs);
    this.observer = opts.observer ?? null;
    this.passivePing = opts.passivePing ?? false;
    for (let lane = 0; lane < LANE_COUNT; lane++) this.ackable[lane] = this.inbox.watermark(lane);
    this.outbox.onDrop((lane, seq, reason) => this.dropped(lane, seq, reason));
  }

  get online(): boolean {
    return this.paths.length > 0;
  }

  /** The best path's smoothed RTT, ms. */
  get rttMs(): number | null {
    let best: number | null = null;
    for (const p of this.paths) if (p.rttMs !== null && (best === null || p.rttMs < best)) best = p.rttMs;
    return best;
  }

  /** The sockets in use, for status: each with its smoothed RTT, the lanes it carries, and how often a lane left it for want of acks. */
  /** The RTT measured on the path over `conn`, else the link's (a stream's window growth asks it often: no pathInfo() arrays). */
  pathRttMs(conn: Transport): number | null {
    for (const p of this.paths) if (p.conn === conn && p.rttMs !== null) return p.rttMs;
    return this.rttMs;
  }

  pathInfo(): Array<{ id: string; index: number; rttMs: number | null; stalls: number; connectedAt: number; lanes: LaneName[] }> {
    return this.paths.map((p) => ({
      id: p.conn.id, index: p.index, rttMs: p.rttMs, stalls: p.stalls, connectedAt: p.connectedAt,
      lanes: LANE_NAMES.filter((_, lane) => lane < WINDOWED_FROM || this.owner[lane] === p),
    }));
  }

  get epoch(): string {
    return this.outbox.epoch;
  }

  /**
   * What this side has delivered of the peer's lanes, for Hello / Welcome:
   * like an Ack, only what is committed and synced. A message delivered and
   * not yet synced is resent, and the watermark keeps it from being delivered twice.
   */
  receivedCursors(): WireCursor[] {
    if (!this.inbox.epoch) return [];
    return this.ackable.map((seq, lane) => ({ epoch: this.inbox.epoch, lane, seq }));
  }

  /** Switches the inbox to the peer's epoch (before composing a Welcome). */
  usePeerEpoch(epoch: string): void {
    if (epoch === this.inbox.epoch) return;
    this.inbox.useEpoch(epoch);
    this.ackable.fill(0);
  }

  /**
   * Starts using a connection after the handshake. `peerReceived` says what
   * the peer already has of this side's lanes; everything after it is resent
   * on this connection. A link may hold several connections (multipath):
   * `index` names this one among the peer's paths, for status.
   */
  attach(conn: Transport, peerEpoch: string, peerReceived: readonly WireCursor[], peerMaxFrameBytes: number, pingIntervalMs: number, index = 0): void {
    if (this.closed) throw new Error(`link to ${this.peer} is closed`);
    const have = this.checkPeerCursors(peerReceived);
    if (this.paths.some((p) => p.conn === conn)) return;
    const first = this.paths.length === 0;
    this.usePeerEpoch(peerEpoch);
    const now = Date.now();
    for (let lane = 0; lane < LANE_COUNT; lane++) this.ackedUpTo(lane, have[lane]!, now);
    if (first) {
      for (let lane = 0; lane < LANE_COUNT; lane++) {
        this.inflightMarks[lane] = null;
        this.creditedMarks[lane] = 0;
        this.owner[lane] = null;
      }
      this.inflightBytes = 0;
      this.unackedBytes = 0;
      this.frameBytes = Math.min(this.config.batchBytes, Math.max(1024, peerMaxFrameBytes - this.config.limits.maxPayloadBytes - 4096));
      this.outbox.peerOnline?.(true);
      this.connectedAt = now;
      for (let lane = WINDOWED_FROM; lane < LANE_COUNT; lane++) {
        if (this.outbox.lastSeq(lane) > have[lane]!) this.sharedUntil = Math.max(this.sharedUntil, now + SLOW_START_MS); // a backlog
      }
    }
    this.lastSeenAt = now;
    const path = new Path(conn, this, index, pingIntervalMs, this.passivePing);
    for (let lane = 0; lane < LANE_COUNT; lane++) path.sent[lane] = have[lane]!;
    this.paths = this.paths.concat([path]); // exactly sized (push and spread reserve 17 slots), and replaced as detach() does
    this.blocked = false;
    path.liveness.start();
    if (this.ackLanes) this.scheduleAck();
    this.scheduleFlush();
  }

  /** A path's peer fell silent past the liveness deadline (Path calls it). */
  pathSilent(path: Path, silentMs: number): void {
    this.log.warn({ ...this.who, conn: path.conn.id, silentMs }, 'peer silent past the liveness deadline; closing');
    path.conn.close(CloseCode.PING_TIMEOUT, `nothing heard for ${silentMs} ms`);
  }

  /**
   * What the peer says it has of this side's lanes (seq per lane, 0 for
   * another epoch). Throws ProtocolError if it claims more than was ever sent.
   */
  checkPeerCursors(peerReceived: readonly WireCursor[]): number[] {
    const have = new Array<number>(LANE_COUNT).fill(0);
    for (const c of peerReceived) {
      const seq = this.claimed(c, 'peer claims');
      if (seq >= 0) have[c.lane ?? 0] = seq;
    }
    return have;
  }

  /**
   * The seq a cursor of the peer's (its hello, an ack, a credit) names on its
   * lane, or -1 for an epoch this side no longer has. Throws ProtocolError
   * for a seq beyond the last this side sent.
   */
  private claimed(c: WireCursor, what: string): number {
    if (c.epoch !== this.outbox.epoch) return -1;
    const lane = c.lane ?? 0;
    const seq = c.seq ?? 0;
    if (seq > this.outbox.lastSeq(lane)) {
      throw new ProtocolError(`${what} seq ${seq} on lane ${LANE_NAMES[lane]}, beyond the last sent (${this.outbox.lastSeq(lane)})`);
    }
    return seq;
  }

  /**
   * Stops using a connection (it closed). What it carried and the peer did not
   * ack is resent on another path, or on the next connection.
   */
  detach(conn: Transport): void {
    const path = this.paths.find((p) => p.conn === conn);
    if (!path) return;
    path.liveness.stop();
    this.paths = this.paths.filter((p) => p !== path);
    for (let lane = WINDOWED_FROM; lane < LANE_COUNT; lane++) if (this.owner[lane] === path) this.release(lane);
    if (this.paths.length === 0) {
      this.outbox.peerOnline?.(false);
      this.connectedAt = null;
      if (this.stallTimer) clearTimeout(this.stallTimer);
      this.stallTimer = null;
    } else {
      this.scheduleFlush();
    }
  }

  /** Handles one frame received after the handshake, on `conn` (the first path when not given). Throws ProtocolError. */
  receive(frame: Frame, conn?: Transport, now = Date.now()): void {
    this.stats.framesIn++;
    this.lastSeenAt = now;
    const path = (conn && this.paths.find((p) => p.conn === conn)) || this.paths[0];
    path?.liveness.heard(now);
    switch (frame.body) {
      case 'batch': {
        // Messages first: the application waits for them; the acks only free this side's outbox.
        this.onBatch(frame.batch!.messages as WireMessage[]);
        const acks = frame.batch!.acks;
        if (acks?.length) this.onAck(acks, now);
        break;
      }
      case 'ack': {
        const received = frame.ack!.received;
        if (received?.length) this.onCredit(received, now);
        this.onAck(frame.ack!.cursors ?? [], now);
        break;
      }
      case 'ping': path?.liveness.peerPinged(now); path?.conn.send(encodeKeepalive('pong', Number(frame.ping!.nonce ?? 0), Number(frame.ping!.sentAt ?? 0))); break;
      case 'pong': {
        const sample = path?.liveness.pong(frame.pong!.sentAt ?? 0, now);
        if (sample !== undefined) this.observer?.rtt(sample);
        break;
      }
      default: throw new ProtocolError(`unexpected ${frame.body} frame after the handshake`);
    }
  }

  /** A socket can take more: resume sending. */
  writable(): void {
    if (!this.blocked) return;
    this.blocked = false;
    this.flush();
  }

  /**
   * Accepts a message for the peer. Resolves once the outbox holds it (once it
   * is durable, with a durable store). Not async: a message waiting for its
   * commit holds its receipt only, not this call's frame with the wire message
   * (a publisher keeps thousands in flight; what they hold is copied at each
   * young-generation GC).
   */
  send(input: SendInput): Promise<Receipt> {
    if (this.closed) return Promise.reject(new Error(`link to ${this.peer} is closed`));
    try {
      const wire = toWire(input, this.config.limits);
      const lane = wire.lane!;
      const result = this.outbox.append(lane, wire);
      if (result instanceof Promise) return result.then((appended) => this.appended(lane, wire, appended));
      return this.appended(lane, wire, result);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  private appended(lane: number, wire: WireMessageProps, appended: Appended): Promise<Receipt> {
    const seq = appended.seq;
    if (seq) {
      if (this.observer) (this.sampler ??= new AckSampler(LANE_COUNT, this.observer)).accepted(lane, seq, wire.createdAt ?? Date.now());
      // Out now if the store lets it go while its commit is on the way (LaneQueue.speculateTo): the
      // peer's copy does not wait for this side's fsync; the publisher still does.
      this.scheduleFlush();
    }
    const receipt = new LazyReceipt(wire.id!, LANE_NAMES[lane]!, seq, this.tracker);
    if (!appended.durable) return Promise.resolve(receipt);
    return appended.durable.then(() => {
      if (seq) this.scheduleFlush(); // what had to wait for its commit goes now
      return receipt;
    });
  }

  /** One lane's depth (metrics read every link's at each scrape: no object per lane). */
  laneDepth(lane: number): LaneDepth {
    return this.outbox.depth(lane);
  }

  depth(): Record<LaneName, LaneDepth> {
    return Object.fromEntries(LANE_NAMES.map((name, i) => [name, this.outbox.depth(i)])) as Record<LaneName, LaneDepth>;
  }

  /**
   * Writes now the Acks this side owes, once the inbox commits they wait for
   * are synced: a hub that is about to close its socket (drain) acks what it
   * has made durable instead of leaving the peer to resend it.
   */
  async flushAcks(): Promise<void> {
    while (this.acking) await this.acking;
    if (!this.ackScheduled) return;
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    this.writeAcks();
  }

  /** Stops for good; pending receipts stay unresolved (the outbox may outlive this process). */
  close(): void {
    this.closed = true;
    for (const p of [...this.paths]) this.detach(p.conn);
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    this.drops.flush();
  }

  // ---- send side ----

  private scheduleFlush(): void {
    if (this.paths.length === 0) return;
    // A handler's reply goes out when the batch it answers is committed (flushDeferred), not through the scheduler.
    if (this.delivering) this.flushAfterDelivery = true;
    else this.scheduler.request(this);
  }

  /** Called by the scheduler: write what the sockets take now (a handler's reply never comes here: see scheduleFlush). */
  flushNow(): void {
    this.flush();
  }

  private flush(): void {
    if (this.paths.length === 0) return;
    const now = Date.now();
    if (this.paths.length > 1) this.choosePaths(now);
    // Pending acks ride on the first batch of each path; if every path carried
    // them, no Ack frame is needed (one write fewer, one packet fewer to lose).
    const acks = this.ackLanes ? this.pendingAckCursors() : undefined;
    let carried = 0;
    // detach() replaces the array rather than changing it, so this one stays whole while sends close paths.
    const paths = this.paths;
    for (const path of paths) {
      if (this.flushPath(path, now, acks)) carried++;
      if (this.paths.length === 0) return; // a send closed the last one
    }
    if (acks && carried === this.paths.length) {
      this.ackLanes = 0;
      this.bytesSinceAck = 0;
    }
  }

  /**
   * Gives each windowed lane the best path. A lane with nothing unacked
   * moves for free; one with messages in flight stays where it is unless its
   * path is gone (detach) or its acks stall (checkStalls).
   */
  private choosePaths(now: number): void {
    const best = bestPath(this.paths, now)!;
    const bestScore = best.score(now);
    for (let lane = WINDOWED_FROM; lane < LANE_COUNT; lane++) {
      const owner = this.owner[lane];
      if (owner === best) continue;
      if (owner) {
        if (owner.sent[lane]! > this.acked[lane]!) continue;
        // Only for a clearly better path (RTT half again and 5 ms more): RTT samples have
        // millisecond resolution and jitter; they must not flip lanes back and forth.
        if (owner.score(now) <= bestScore * 1.5 + 5) continue;
      }
      this.assign(lane, best);
    }
  }

  /** Moves a lane to a path, which (re)starts it at the peer's acknowledged seq: see path.ts. */
  private assign(lane: number, path: Path): void {
    this.release(lane);
    this.owner[lane] = path;
    path.sent[lane] = this.acked[lane]!;
  }

  /**
   * Forgets where a lane was written: its unacked messages count as not sent,
   * and as not received (what is resent waits for a credit or an ack again).
   */
  private release(lane: number): void {
    this.owner[lane] = null;
    const marks = this.inflightMarks[lane] ?? [];
    for (let i = 0; i < marks.length; i++) {
      if (i >= this.creditedMarks[lane]!) this.inflightBytes -= marks[i]!.bytes;
      this.unackedBytes -= marks[i]!.bytes;
    }
    this.inflightMarks[lane] = null;
    this.creditedMarks[lane] = 0;
    this.windowOpened();
  }

  /**
   * Writes Batch frames on one path while its socket takes them. Each frame
   * starts with the highest lane that has anything, so a control message
   * waits behind at most the frame being written. Control goes on every path;
   * a windowed lane only on its owner.
   */
  private flushPath(path: Path, now: number, acks?: readonly WireCursor[]): boolean {
    const conn = path.conn;
    const maxBatch = this.config.limits.maxBatchMessages;
    let carried = false;
    for (;;) {
      if (conn.bufferedAmount() >= this.config.highWaterBytes) {
        this.blocked = true;
        return carried;
      }
      const parts: Uint8Array[] = [];
      let size = 0;
      for (let lane = 0; lane < LANE_COUNT && parts.length < maxBatch && size < this.frameBytes; lane++) {
        if (this.outbox.lastSeq(lane) <= path.sent[lane]!) continue; // nothing new: no pending() call (a reply's flush touches one lane of four)
        const windowed = lane >= WINDOWED_FROM;
        let room = this.frameBytes - size;
        if (windowed) {
          if (this.owner[lane] === null) this.assign(lane, path);
          if (this.owner[lane] !== path) continue;
          const window = now < this.sharedUntil ? this.config.windowBytes * CONTROL_LIVE_SHARE : this.config.windowBytes;
          const left = Math.min(window - this.inflightBytes, UNSYNCED_WINDOWS * this.config.windowBytes - this.unackedBytes);
          if (left <= 0) {
            if (!this.windowFull) this.stats.windowStalls++;
            this.windowFull = true;
            break;
          }
          room = Math.min(room, left);
        }
        const from = path.sent[lane]!;
        const entries = this.outbox.pending(lane, from, maxBatch - parts.length, room, now);
        if (entries.length === 0) continue;
        let laneBytes = 0;
        for (const e of entries) {
          parts.push(e.bytes);
          laneBytes += batchEntrySize(e.bytes.length);
        }
        size += laneBytes;
        const last = entries[entries.length - 1]!.seq;
        path.sent[lane] = last;
        if (lane === 0) this.sharedUntil = now + CONTROL_LIVE_MS;
        if (windowed) {
          if (from <= this.acked[lane]!) this.progressAt[lane] = now; // the ack clock starts with the first unacked message
          this.inflightBytes += laneBytes;
          this.unackedBytes += laneBytes;
          (this.inflightMarks[lane] ??= []).push({ seq: last, bytes: laneBytes, at: now });
          if (this.paths.length > 1) this.watchStalls();
        }
      }
      if (parts.length === 0) return carried;
      conn.send(encodeBatchFrame(parts, carried ? undefined : acks));
      carried = acks !== undefined;
      this.stats.framesOut++;
      this.stats.messagesOut += parts.length;
      if (!this.paths.includes(path)) return carried; // send() may have closed it
    }
  }

  /** Checks the windowed lanes' acks one ack timeout from now (multipath only). */
  private watchStalls(): void {
    if (this.stallTimer) return;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null;
      this.checkStalls(Date.now());
    }, this.ackClock.timeoutMs);
    this.stallTimer.unref();
  }

  /**
   * Fast retransmit: a lane whose acks have not moved for an ack timeout
   * while messages are in flight moves to another path, which resends from
   * the acknowledged seq. The receiver drops whichever copy comes second.
   */
  private checkStalls(now: number): void {
    if (this.paths.length < 2) return;
    let waiting = false;
    for (let lane = WINDOWED_FROM; lane < LANE_COUNT; lane++) {
      const owner = this.owner[lane];
      if (!owner || this.creditedMarks[lane]! >= (this.inflightMarks[lane]?.length ?? 0)) continue; // nothing in flight unheard of
      if (now - this.progressAt[lane]! < this.ackClock.timeoutMs) { waiting = true; continue; }
      const other = bestPath(this.paths, now, owner);
      if (!other) continue;
      owner.stalled(now);
      this.stats.fastRetransmits++;
      this.log.debug({ ...this.who, lane: LANE_NAMES[lane], from: owner.conn.id, to: other.conn.id, acked: this.acked[lane] }, 'no ack in time: resending on another path');
      this.assign(lane, other);
      this.progressAt[lane] = now;
      waiting = true;
    }
    if (waiting) this.watchStalls();
    this.scheduleFlush();
  }

  private onAck(cursors: readonly WireCursor[], now: number): void {
    for (const c of cursors) {
      const seq = this.claimed(c, 'ack for');
      if (seq >= 0) this.ackedUpTo(c.lane ?? 0, seq, now);
    }
  }

  /**
   * The peer received (not yet synced) up to these seqs: their bytes leave the
   * in-flight window; the outbox keeps them until acked (SPEC §8).
   */
  private onCredit(cursors: readonly WireCursor[], now: number): void {
    for (const c of cursors) {
      const seq = this.claimed(c, 'credit for');
      if (seq < 0) continue;
      const lane = c.lane ?? 0;
      const marks = this.inflightMarks[lane];
      let i = this.creditedMarks[lane]!;
      if (!marks || i >= marks.length || marks[i]!.seq > seq) continue; // nothing newly received (acked ones are gone from the marks)
      while (i < marks.length && marks[i]!.seq <= seq) this.inflightBytes -= marks[i++]!.bytes;
      this.ackClock.sample(now - marks[i - 1]!.at);
      this.creditedMarks[lane] = i;
      this.progressAt[lane] = now;
      this.windowOpened();
    }
  }

  private windowOpened(): void {
    if (!this.windowFull) return;
    this.windowFull = false;
    this.scheduleFlush();
  }

  private ackedUpTo(lane: number, seq: number, now: number): void {
    if (seq <= this.acked[lane]!) return;
    this.acked[lane] = seq;
    this.progressAt[lane] = now;
    this.outbox.ack(lane, seq);
    this.sampler?.acked(lane, seq);
    const marks = this.inflightMarks[lane];
    if (marks?.length) {
      const credited = this.creditedMarks[lane]!;
      let done = 0;
      while (done < marks.length && marks[done]!.seq <= seq) {
        const bytes = marks[done]!.bytes;
        if (done >= credited) this.inflightBytes -= bytes;
        this.unackedBytes -= bytes;
        done++;
      }
      if (done) {
        // A frame whose credit came first was sampled then: its ack waited for the peer's sync too.
        if (done > credited) this.ackClock.sample(now - marks[done - 1]!.at);
        marks.splice(0, done);
        this.creditedMarks[lane] = Math.max(0, credited - done);
      }
      this.windowOpened();
    }
    const waiters = this.waiters[lane];
    if (!waiters || waiters.size === 0) return;
    for (const [s, resolve] of waiters) {
      if (s > seq) {
        if (this.unordered[lane]) continue;
        break;
      }
      waiters.delete(s);
      resolve({ status: 'delivered' });
    }
    if (waiters.size === 0) this.unordered[lane] = false;
  }

  private track(laneName: LaneName, seq: number): Promise<Delivery> {
    const lane = laneIndex(laneName);
    const dropped = seq === 0 ? 'overflow' : this.recentDrops?.get(`${lane}:${seq}`);
    if (dropped) return Promise.resolve(deliveryOf(dropped));
    if (seq <= this.acked[lane]!) return Promise.resolve({ status: 'delivered' });
    return new Promise((resolve) => {
      const waiters = (this.waiters[lane] ??= new Map());
      if (waiters.size === 0) this.lastTracked[lane] = 0;
      if (seq < this.lastTracked[lane]!) this.unordered[lane] = true;
      else this.lastTracked[lane] = seq;
      waiters.set(seq, resolve);
    });
  }

  private dropped(lane: number, seq: number, reason: DropReason): void {
    if (this.stats.dropped === NO_DROPS) this.stats.dropped = dropCounters();
    this.stats.dropped[LANE_NAMES[lane]!][reason]++;
    this.drops.count(LANE_NAMES[lane]!, reason);
    if (!seq) return;
    this.sampler?.dropped(lane, seq);
    (this.recentDrops ??= new LRUCache<string, DropReason>({ max: 10_000 })).set(`${lane}:${seq}`, reason);
    const resolve = this.waiters[lane]?.get(seq);
    if (resolve) {
      this.waiters[lane]!.delete(seq);
      resolve(deliveryOf(reason));
    }
  }

  // ---- receive side ----

  /**
   * Receive path: drop what was delivered before (watermark) and objects older
   * than the newest delivered version; advance the watermarks and hand the
   * messages to the application inside one store transaction; ack once it is
   * committed and synced. Nothing is lost: a crash before the commit ends means
   * redelivery. Effects the handlers record in the hub's kv happen exactly
   * once; others may repeat only after a crash of this process.
   */
  private onBatch(messages: readonly WireMessage[]): void {
    if (this.failure) throw this.failure;
    const inbox = this.inbox;
    const accepted: WireMessage[] = [];
    let lanes = 0;
    let dupFirst = 0;
    let dupLast = 0;
    let bytes = 0;
    for (const m of messages) {
      const lane = m.lane;
      lanes |= 1 << lane;
      if (m.seq <= inbox.watermark(lane)) {
        // With several paths a second copy is the design, not a resend: count it apart, quietly.
        if (this.paths.length > 1) {
          this.stats.redundant++;
          continue;
        }
        this.stats.duplicates++;
        if (!dupFirst) dupFirst = m.seq;
        dupLast = m.seq;
        continue;
      }
      inbox.advance(lane, m.seq);
      if (m.type !== 0 && m.resourceVersion) {
        const key = objectIdentity(m.kind, m.namespace, m.name);
        const newest = inbox.objectVersion(key);
        if (newest !== undefined && m.resourceVersion <= newest) {
          this.stats.stale++;
          continue;
        }
        inbox.setObjectVersion(key, m.resourceVersion);
      }
      this.record?.(m);
      accepted.push(m);
      bytes += m.payload.length + 64;
    }
    if (dupFirst) this.log.info({ ...this.who, first: dupFirst, last: dupLast }, 'received again what was delivered before: not delivered twice');
    // The watermarks as of this batch: what may be acked once they are synced.
    const marks: Array<[number, number]> = [];
    for (let lane = 0; lane < LANE_COUNT; lane++) if (lanes & (1 << lane)) marks.push([lane, inbox.watermark(lane)]);
    // The handlers run before the commit; what they write to the hub's kv commits with the watermark.
    const deliver = (): void => {
      for (const m of accepted) {
        this.stats.messagesIn++;
        try {
          this.deliver(new InboundMessage(m), this.peer);
        } catch (err) {
          this.log.error({ ...this.who, err, lane: LANE_NAMES[m.lane], seq: m.seq, id: m.id, traceId: m.traceId || undefined }, 'message handler threw; the message counts as delivered');
        }
      }
    };
    let committed: Promise<void> | void;
    this.delivering = true;
    try {
      committed = inbox.commit(deliver);
    } catch (err) {
      this.fail(err as Error);
      return;
    } finally {
      this.delivering = false;
    }
    if (!committed && this.acking === null && !inbox.synced()) {
      // Acks owed now ride on a reply the handlers wrote, if any; a timer only for what is left.
      this.bytesSinceAck += bytes;
      this.markAckable(marks);
      this.flushDeferred();
      if (this.ackLanes) this.scheduleAck();
      return;
    }
    this.flushDeferred();
    this.credit(marks, bytes);
    // Acks wait for the commit and its sync (power loss), in order behind earlier ones.
    const next = (this.acking ?? Promise.resolve())
      .then(() => committed)
      .then(() => inbox.synced())
      .then(() => { this.bytesSinceAck += bytes; this.ackUpTo(marks); }, (err: Error) => this.fail(err));
    this.acking = next;
    void next.then(() => { if (this.acking === next) this.acking = null; });
  }

  private flushDeferred(): void {
    if (!this.flushAfterDelivery) return;
    this.flushAfterDelivery = false;
    this.flush();
  }

  /**
   * Tells the sender what was delivered and waits for its commit (Ack.received),
   * once a quarter of its window has come in since the last such word: its
   * window then keeps moving while the commit and its sync are on the way; the
   * Ack that lets it forget the messages follows the sync.
   */
  private credit(marks: ReadonlyArray<[number, number]>, bytes: number): void {
    for (const [lane] of marks) this.creditLanes |= 1 << lane;
    this.bytesSinceCredit += bytes;
    if (this.creditScheduled || this.bytesSinceCredit < this.config.windowBytes / 4) return;
    this.creditScheduled = true;
    setImmediate(() => this.writeCredits());
  }

  private writeCredits(): void {
    this.creditScheduled = false;
    this.bytesSinceCredit = 0;
    if (this.paths.length === 0 || !this.creditLanes) return;
    const received: WireCursor[] = [];
    for (let lane = 0; lane < LANE_COUNT; lane++) {
      // The watermark: everything delivered so far. A lane whose Ack already covers it needs no credit.
      const seq = this.inbox.watermark(lane);
      if (this.creditLanes & (1 << lane) && seq > this.ackable[lane]!) received.push({ epoch: this.inbox.epoch, lane, seq });
    }
    this.creditLanes = 0;
    if (received.length) this.writeAckFrame(encodeAckFrame([], received));
  }

  /** Acks what a synced commit made durable, on the next turn: see scheduleAck. */
  private ackUpTo(marks: ReadonlyArray<[number, number]>): void {
    this.markAckable(marks);
    this.scheduleAck(true);
  }

  private markAckable(marks: ReadonlyArray<[number, number]>): void {
    for (const [lane, seq] of marks) {
      if (seq > this.ackable[lane]!) this.ackable[lane] = seq;
      this.ackLanes |= 1 << lane;
    }
  }

  /** The inbox could not be written: stop receiving, so nothing is acked that a restart would forget. */
  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = new Error(`inbox of ${this.peer} cannot be written: ${err.message}`);
    this.log.fatal({ ...this.who, err }, 'inbox write failed; this link stops receiving until the process restarts');
    for (const p of [...this.paths]) p.conn.close(CloseCode.INTERNAL, 'store failure');
  }

  /**
   * Acks are cumulative and delayed, as TCP's are: one Ack frame per
   * ackDelayMs at most, unless a quarter of the sender's in-flight window has
   * arrived since the last one, which is acked on the next turn so the
   * sender's window keeps moving. An Ack costs a socket write on each side:
   * one per message would double the writes of a request/response exchange.
   * What waited for a sync (`synced`, a durable inbox) is acked on the next
   * turn: the commit and its sync already gathered every batch that came
   * meanwhile, and a further delay only made the Ack a wake-up of its own
   * on both sides, several ms after the messages (durable MQTT at 200 msg/s:
   * it met the next message on its way, bench/README.md).
   */
  private scheduleAck(synced = false): void {
    const eager = synced || this.bytesSinceAck >= this.config.windowBytes / 4;
    if (this.ackScheduled && !(eager && this.ackTimer)) return;
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    this.ackScheduled = true;
    if (eager || this.config.ackDelayMs === 0) setImmediate(() => this.writeAcks());
    else this.ackTimer = setTimeout(() => { this.ackTimer = null; this.writeAcks(); }, this.config.ackDelayMs);
  }

  private writeAcks(): void {
    if (!this.ackScheduled) return;
    this.ackScheduled = false;
    this.bytesSinceAck = 0;
    if (this.paths.length === 0 || !this.ackLanes) return; // the next Hello / Welcome carries the cursors, or a batch did
    const cursors = this.pendingAckCursors();
    this.ackLanes = 0;
    this.writeAckFrame(encodeAckFrame(cursors));
  }

  /** On every path: an ack (or credit) lost on one must not stall the sender's window. */
  private writeAckFrame(frame: Uint8Array): void {
    for (const p of this.paths) p.conn.send(frame);
    this.stats.ackFrames += this.paths.length;
  }

  private pendingAckCursors(): WireCursor[] {
    const cursors: WireCursor[] = [];
    for (let lane = 0; lane < LANE_COUNT; lane++) {
      if (this.ackLanes & (1 << lane)) cursors.push({ epoch: this.inbox.epoch, lane, seq: this.ackable[lane]! });
    }
    return cursors;
  }
}

function deliveryOf(reason: DropReason): Delivery {
  return reason === 'superseded' ? { status: 'superseded', reason } : { status: 'dropped', reason };
}
