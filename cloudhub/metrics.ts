/**
 * The cloud hub's Prometheus metrics: the link metrics both hubs share
 * (link/link-metrics.ts) plus what only the cloud sees: nodes connected,
 * upgrades refused and why, admission and drain. Served at GET /metrics on
 * the admin listener (see admin-api.ts); documented in README "Metrics reference".
 */
import { LinkMetrics, prom, type LinkMetricsSource } from '../link/index.js';

const { Counter, Gauge } = prom;

/** Why an upgrade was answered with an HTTP error instead of a socket. */
export type RefusalReason = 'unauthorized' | 'full' | 'closing' | 'admission';

export interface CloudMetricsSource extends LinkMetricsSource {
  /** Nodes with a current socket (handshake done). */
  connectedNodes(): number;
  /** Sockets open, handshake done or not. */
  openSockets(): number;
  draining(): boolean;
}

export class CloudHubMetrics extends LinkMetrics {
  private readonly refused: prom.Counter<'reason'>;

  constructor(source: CloudMetricsSource) {
    super(source);
    const registers = [this.registry];
    new Gauge({ name: 'isthmus_connected_nodes', help: 'Nodes with a live session', registers, collect() { this.set(source.connectedNodes()); } });
    new Gauge({ name: 'isthmus_open_sockets', help: 'Edge sockets open, including those still awaiting their Hello', registers, collect() { this.set(source.openSockets()); } });
    new Gauge({ name: 'isthmus_draining', help: '1 while the hub drains for shutdown (it refuses new edges)', registers, collect() { this.set(source.draining() ? 1 : 0); } });
    this.refused = new Counter({
      name: 'isthmus_upgrades_refused_total', help: 'Edge upgrades refused: unauthorized (401), full or closing (503), admission (503, rate limit)',
      labelNames: ['reason'], registers,
    });
    for (const reason of ['unauthorized', 'full', 'closing', 'admission'] as const) this.refused.inc({ reason }, 0);
  }

  refusedUpgrade(reason: RefusalReason): void {
    this.refused.inc({ reason });
  }
}
