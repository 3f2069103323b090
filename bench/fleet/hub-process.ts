/**
 * Entry of a hub child for the storm and scale benchmarks: an embedded cloud
 * hub (LMDB store in the given folder) driven over IPC. SIGTERM drains it, as
 * the CLI does. Its RSS and CPU are read by the parent from /proc.
 */
import { CloudHub } from '../../cloudhub/index.js';
import type { HubReply, HubRequest, HubStatus } from './swarm-protocol.js';

let hub: CloudHub | null = null;
let received = 0;

function reply(r: HubReply): void {
  if (process.connected) process.send!(r);
}

async function status(gc: boolean): Promise<HubStatus> {
  const h = hub!;
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  let queued = 0;
  let connected = 0;
  for (const n of h.nodes()) {
    if (n.online) connected++;
    for (const d of Object.values(n.lanes)) queued += d.messages;
  }
  const metrics = await h.metrics.registry.getMetricsAsJSON();
  const value = (name: string, label?: [string, string]): number => metrics.find((m) => m.name === name)?.values
    .filter((v) => !label || v.labels[label[0]] === label[1]).reduce((a, v) => a + v.value, 0) ?? 0;
  return {
    connected, queued, received,
    openSockets: value('isthmus_open_sockets'),
    refusedAdmission: value('isthmus_upgrades_refused_total', ['reason', 'admission']),
    rssBytes: process.memoryUsage().rss,
    heapUsedBytes: process.memoryUsage().heapUsed,
    externalBytes: process.memoryUsage().external,
    arrayBuffersBytes: process.memoryUsage().arrayBuffers,
    bytesIn: value('isthmus_bytes_total', ['direction', 'in']),
    bytesOut: value('isthmus_bytes_total', ['direction', 'out']),
  };
}

async function handle(m: HubRequest): Promise<void> {
  switch (m.type) {
    case 'start': {
      const t0 = performance.now();
      hub = await CloudHub.start({
        listen: m.listen, dataDir: m.dataDir, log: 'error', admission: m.admission, insecure: 'dev', // the simulated edges speak plain ws
        ...(m.pingIntervalMs ? { pingIntervalMs: m.pingIntervalMs } : {}),
        ...(m.retryAfterMs !== undefined ? { retryAfterMs: m.retryAfterMs } : {}),
      });
      hub.on('message', () => { received++; });
      return reply({ id: m.id, type: 'started', port: hub.port, openMs: performance.now() - t0 });
    }
    case 'queue': {
      // Two lanes: control (ordered commands) and state (coalesced by key): what a restart leaves queued.
      const sends: Promise<unknown>[] = [];
      for (const node of m.nodes) {
        for (let i = 0; i < m.perNode; i++) {
          sends.push(hub!.send(node, i % 2 === 0 ? { lane: 'control', kind: 'cmd', payload: { i } } : { lane: 'state', key: `cfg-${i}`, payload: { i } }));
        }
        if (sends.length >= 4096) await Promise.all(sends.splice(0));
      }
      await Promise.all(sends);
      return reply({ id: m.id, type: 'ok' });
    }
    case 'probe': {
      // Messages to random nodes, paced, each carrying this clock (float64 ms) for a one-way latency.
      const gap = 1000 / m.ratePerSecond;
      const start = performance.now();
      for (let i = 0; i < m.count; i++) {
        const due = start + i * gap;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        const node = m.nodes[Math.floor(Math.random() * m.nodes.length)]!;
        const payload = Buffer.alloc(8);
        payload.writeDoubleLE(performance.timeOrigin + performance.now(), 0);
        await hub!.send(node, { lane: 'control', kind: 'probe', payload });
      }
      return reply({ id: m.id, type: 'ok' });
    }
    case 'scrape': {
      // What one Prometheus scrape costs the hub: every link's counters and depths read.
      const t0 = performance.now();
      const text = await hub!.metrics.text();
      return reply({ id: m.id, type: 'scrape', ms: performance.now() - t0, bytes: text.length });
    }
    case 'status':
      return reply({ id: m.id, type: 'status', status: await status(m.gc ?? false) });
  }
}

process.on('message', (m: HubRequest) => {
  handle(m).catch((err: Error) => reply({ id: m.id, type: 'error', message: err.stack ?? err.message }));
});
process.once('SIGTERM', () => {
  void (hub ? hub.drain() : Promise.resolve()).then(() => process.exit(0), () => process.exit(1));
});
process.on('disconnect', () => { void hub?.close().then(() => process.exit(0)); });
