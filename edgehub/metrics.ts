/**
 * The edge hub's Prometheus metrics: the link metrics both hubs share
 * (link/link-metrics.ts) plus whether the cloud link is up. Served on the edge's
 * local admin listener (admin-server.ts).
 */
import { LinkMetrics, prom, type LinkMetricsSource } from '../link/index.js';

const { Gauge } = prom;

export class EdgeHubMetrics extends LinkMetrics {
  constructor(source: LinkMetricsSource & { online(): boolean }) {
    super(source);
    new Gauge({ name: 'isthmus_cloud_connected', help: '1 while the link to the cloud hub is up', registers: [this.registry], collect() { this.set(source.online() ? 1 : 0); } });
  }
}
