/**
 * The Prometheus metrics both hubs export about their links (prom-client).
 * Counters and gauges that the links already keep (LinkStats, depth()) are
 * read when Prometheus scrapes, through collect() callbacks: the send and
 * receive paths pay nothing for them. Only RTT and ack-latency samples are
 * pushed as they happen (LinkObserver), a few per second per link.
 *
 * No metric has a node label: a hub may hold 100k nodes, and a label per node
 * would make every scrape that large. Per-node figures are in the admin API
 * (`isthmus nodes`).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from './prom-lite.js'; // prom-client without its index
import { LANE_NAMES } from './lane.js';
import type { Link } from './link.js';
import type { LinkObserver } from './link-observer.js';
import type { Traffic } from './traffic.js';
import type { DropReason } from './outbox.js';

/** RTT buckets, seconds: loopback (sub-ms) to a congested satellite link. */
export const RTT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Ack-latency buckets, seconds: up to an hour, since a message queued for an offline edge waits for it. */
export const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

const DROP_REASONS: DropReason[] = ['ttl', 'overflow', 'superseded'];
/** Ack-latency samples held between scrapes at most (16 bytes each). */
const PENDING_SAMPLES = 4096;

export interface LinkMetricsSource {
  /** Every link of the hub (the cloud's are never removed, so sums of their counters only grow). */
  links(): Iterable<Link>;
  traffic: Traffic;
  /** Tunnel streams open now, read at scrape time (absent: the gauge is set by setOpenTunnelStreams). */
  tunnelStreams?: () => number;
}

export class LinkMetrics {
  readonly registry = new Registry();
  readonly observer: LinkObserver;
  private readonly connects: Counter;
  private readonly disconnects: Counter<'reason'>;
  private readonly tunnelStreams: Gauge;

  constructor(source: LinkMetricsSource) {
    const registers = [this.registry];
    const rtt = new Histogram({ name: 'isthmus_rtt_seconds', help: 'Round-trip time of each Ping/Pong on a link', buckets: RTT_BUCKETS, registers });
    // An observation is an array push; prom-client's observe() (label checks, hashing, a
    // closure) runs when Prometheus scrapes, or every PENDING_SAMPLES samples: an ack is on
    // the message path, and that work there showed in low-rate latency.
    const pending: number[] = [];
    const ack = new Histogram({
      name: 'isthmus_ack_latency_seconds', help: 'From a message\'s send()/publish() call to the peer\'s ack covering it (millisecond clock); sampled, at most one message per lane and link at a time',
      labelNames: ['lane'], buckets: ACK_BUCKETS, registers,
      collect() { drain(); },
    });
    const byLane = LANE_NAMES.map((lane) => ack.labels(lane));
    const drain = (): void => {
      for (let i = 0; i < pending.length; i += 2) byLane[pending[i]!]!.observe(pending[i + 1]!);
      pending.length = 0;
    };
    this.observer = {
      rtt: (ms) => rtt.observe(ms / 1000),
      ackLatency: (lane, ms) => {
        pending.push(lane, ms / 1000);
        if (pending.length >= 2 * PENDING_SAMPLES) drain();
      },
    };
    this.connects = new Counter({ name: 'isthmus_connects_total', help: 'Sessions established (handshake completed)', registers });
    this.disconnects = new Counter({ name: 'isthmus_disconnects_total', help: 'Sessions ended, by close code name (PING_TIMEOUT, REPLACED, SHUTTING_DOWN, ...)', labelNames: ['reason'], registers });
    this.tunnelStreams = new Gauge({
      name: 'isthmus_tunnel_open_streams', help: 'Tunnel streams open now', registers,
      collect() { if (source.tunnelStreams) this.set(source.tunnelStreams()); },
    });

    // One pass over the links per scrape, shared by every collect() of that scrape.
    const snap = new Snapshots(source);
    new Gauge({
      name: 'isthmus_queue_messages', help: 'Messages queued for peers and not yet acknowledged, per lane', labelNames: ['lane'], registers,
      collect() { const s = snap.get(); LANE_NAMES.forEach((lane, i) => this.set({ lane }, s.messages[i]!)); },
    });
    new Gauge({
      name: 'isthmus_queue_bytes', help: 'Bytes queued for peers (encoded size + 64 per message), per lane', labelNames: ['lane'], registers,
      collect() { const s = snap.get(); LANE_NAMES.forEach((lane, i) => this.set({ lane }, s.bytes[i]!)); },
    });
    new Gauge({
      name: 'isthmus_queue_oldest_age_seconds', help: 'Age of the oldest queued message over all peers, per lane (0 when empty)', labelNames: ['lane'], registers,
      collect() { const s = snap.get(); LANE_NAMES.forEach((lane, i) => this.set({ lane }, s.oldestAt[i]! === Infinity ? 0 : Math.max(0, (s.at - s.oldestAt[i]!) / 1000))); },
    });
    new Counter({
      name: 'isthmus_dropped_messages_total', help: 'Messages dropped from an outbox, by lane and reason (ttl, overflow, superseded)', labelNames: ['lane', 'reason'], registers,
      collect() {
        const s = snap.get();
        this.reset();
        LANE_NAMES.forEach((lane, i) => DROP_REASONS.forEach((reason, j) => this.inc({ lane, reason }, s.dropped[i * DROP_REASONS.length + j]!)));
      },
    });
    new Counter({
      name: 'isthmus_messages_total', help: 'Messages sent (out, resends included) and delivered to the application (in)', labelNames: ['direction'], registers,
      collect() {
        const s = snap.get();
        this.reset();
        this.inc({ direction: 'in' }, s.messagesIn);
        this.inc({ direction: 'out' }, s.messagesOut);
      },
    });
    new Counter({
      name: 'isthmus_duplicates_total', help: 'Messages received again after a reconnect and not delivered twice', registers,
      collect() { this.reset(); this.inc(snap.get().duplicates); },
    });
    new Counter({
      name: 'isthmus_bytes_total', help: 'WebSocket payload bytes read (in) and written (out) on the hub\'s link sockets', labelNames: ['direction'], registers,
      collect() {
        this.reset();
        this.inc({ direction: 'in' }, source.traffic.bytesIn);
        this.inc({ direction: 'out' }, source.traffic.bytesOut);
      },
    });
    new Counter({
      name: 'isthmus_window_stalls_total', help: 'Times a link\'s in-flight window filled and held back the state, events and bulk lanes', registers,
      collect() { this.reset(); this.inc(snap.get().windowStalls); },
    });
  }

  /** A session was established. */
  connected(): void {
    this.connects.inc();
  }

  /** A session ended; reason is the close code's name. */
  disconnected(reason: string): void {
    this.disconnects.inc({ reason });
  }

  /** For the tunnel: the number of its streams open now. */
  setOpenTunnelStreams(n: number): void {
    this.tunnelStreams.set(n);
  }

  /** The exposition text: this hub's metrics, then the process's (CPU, memory, event loop, GC). */
  async text(): Promise<string> {
    return (await this.registry.metrics()) + (await processRegistry().metrics());
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

interface Snapshot {
  at: number;
  messages: number[];
  bytes: number[];
  oldestAt: number[];
  /** [lane × reason], reasons in DROP_REASONS order. */
  dropped: number[];
  messagesIn: number;
  messagesOut: number;
  duplicates: number;
  windowStalls: number;
}

/** The sums over all links, computed once per scrape (kept until the next turn of the event loop). */
class Snapshots {
  private current: Snapshot | null = null;

  constructor(private readonly source: LinkMetricsSource) {}

  get(): Snapshot {
    if (this.current) return this.current;
    const s: Snapshot = {
      at: Date.now(), messages: [0, 0, 0, 0], bytes: [0, 0, 0, 0], oldestAt: [Infinity, Infinity, Infinity, Infinity],
      dropped: new Array<number>(LANE_NAMES.length * DROP_REASONS.length).fill(0), messagesIn: 0, messagesOut: 0, duplicates: 0, windowStalls: 0,
    };
    for (const link of this.source.links()) {
      const st = link.stats;
      s.messagesIn += st.messagesIn;
      s.messagesOut += st.messagesOut;
      s.duplicates += st.duplicates;
      s.windowStalls += st.windowStalls;
      for (let i = 0; i < LANE_NAMES.length; i++) {
        const d = link.laneDepth(i);
        if (d.messages) {
          s.messages[i] += d.messages;
          s.bytes[i] += d.bytes;
          if (d.oldestAt !== null && d.oldestAt < s.oldestAt[i]!) s.oldestAt[i] = d.oldestAt;
        }
        const dr = st.dropped[LANE_NAMES[i]!];
        for (let j = 0; j < DROP_REASONS.length; j++) s.dropped[i * DROP_REASONS.length + j] += dr[DROP_REASONS[j]!];
      }
    }
    this.current = s;
    setImmediate(() => { this.current = null; });
    return s;
  }
}

let processMetrics: Registry | null = null;

/**
 * process_* and nodejs_* metrics, collected once per process however many
 * hubs it runs (the event-loop monitor they start is per registry), and only
 * once a /metrics endpoint is asked for.
 */
export function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}
