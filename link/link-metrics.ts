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
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
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

export interface LinkMetricsSource {
  /** Every link of the hub (the cloud's are never removed, so sums of their counters only grow). */
  links(): Iterable<Link>;
  traffic: Traffic;
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
    const ack = new Histogram({
      name: 'isthmus_ack_latency_seconds', help: 'From a message accepted (send/publish resolved) to the peer\'s ack covering it; sampled, at most one message per lane and link at a time',
      labelNames: ['lane'], buckets: ACK_BUCKETS, registers,
    });
    this.observer = {
      rtt: (ms) => rtt.observe(ms / 1000),
      ackLatency: (lane, ms) => ack.observe({ lane: LANE_NAMES[lane]! }, ms / 1000),
    };
    this.connects = new Counter({ name: 'isthmus_connects_total', help: 'Sessions established (handshake completed)', registers });
    this.disconnects = new Counter({ name: 'isthmus_disconnects_total', help: 'Sessions ended, by close code name (PING_TIMEOUT, REPLACED, SHUTTING_DOWN, ...)', labelNames: ['reason'], registers });
    this.tunnelStreams = new Gauge({ name: 'isthmus_tunnel_open_streams', help: 'Tunnel streams open now (set by the tunnel)', registers });

    const sumStats = (read: (l: Link) => number): number => {
      let n = 0;
      for (const l of source.links()) n += read(l);
      return n;
    };
    new Gauge({
      name: 'isthmus_queue_messages', help: 'Messages queued for peers and not yet acknowledged, per lane', labelNames: ['lane'], registers,
      collect() { depths(this, source, 'messages'); },
    });
    new Gauge({
      name: 'isthmus_queue_bytes', help: 'Bytes queued for peers (encoded size + 64 per message), per lane', labelNames: ['lane'], registers,
      collect() { depths(this, source, 'bytes'); },
    });
    new Gauge({
      name: 'isthmus_queue_oldest_age_seconds', help: 'Age of the oldest queued message over all peers, per lane (0 when empty)', labelNames: ['lane'], registers,
      collect() { depths(this, source, 'age'); },
    });
    new Counter({
      name: 'isthmus_dropped_messages_total', help: 'Messages dropped from an outbox, by lane and reason (ttl, overflow, superseded)', labelNames: ['lane', 'reason'], registers,
      collect() {
        this.reset();
        for (const lane of LANE_NAMES) for (const reason of DROP_REASONS) this.inc({ lane, reason }, sumStats((l) => l.stats.dropped[lane][reason]));
      },
    });
    new Counter({
      name: 'isthmus_messages_total', help: 'Messages sent (out, resends included) and delivered to the application (in)', labelNames: ['direction'], registers,
      collect() {
        this.reset();
        this.inc({ direction: 'in' }, sumStats((l) => l.stats.messagesIn));
        this.inc({ direction: 'out' }, sumStats((l) => l.stats.messagesOut));
      },
    });
    new Counter({
      name: 'isthmus_duplicates_total', help: 'Messages received again after a reconnect and not delivered twice', registers,
      collect() { this.reset(); this.inc(sumStats((l) => l.stats.duplicates)); },
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
      collect() { this.reset(); this.inc(sumStats((l) => l.stats.windowStalls)); },
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

function depths(g: Gauge<string>, source: LinkMetricsSource, what: 'messages' | 'bytes' | 'age'): void {
  const now = Date.now();
  const sum = LANE_NAMES.map(() => 0);
  for (const link of source.links()) {
    const d = link.depth();
    LANE_NAMES.forEach((lane, i) => {
      const x = d[lane];
      if (what === 'age') {
        if (x.oldestAt !== null) sum[i] = Math.max(sum[i]!, (now - x.oldestAt) / 1000);
      } else sum[i] += x[what];
    });
  }
  LANE_NAMES.forEach((lane, i) => g.set({ lane }, sum[i]!));
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
