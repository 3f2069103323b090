/**
 * Entry of a swarm child (forked by bench/fleet/swarm.ts): runs many simulated
 * edges (sim-edge.ts) from one local address and answers the parent's
 * requests over IPC. Exits when told to stop or when the parent goes away.
 */
import { SimEdge } from './sim-edge.js';
import type { SwarmReply, SwarmRequest, SwarmStatus } from './swarm-protocol.js';

let edges: SimEdge[] = [];
let hold = false;
const latencies: number[] = [];

function status(): SwarmStatus {
  const s: SwarmStatus = { edges: edges.length, online: 0, upAcked: 0, delivered: 0, duplicates: 0, held: 0, refused: 0, connects: 0, goAways: 0, rssBytes: process.memoryUsage().rss };
  for (const e of edges) {
    if (e.online) s.online++;
    if (e.upAcked) s.upAcked++;
    s.delivered += e.delivered;
    s.duplicates += e.duplicates;
    s.held += e.held;
    s.refused += e.refused;
    s.connects += e.connects;
    s.goAways += e.goAways;
  }
  return s;
}

function reply(r: SwarmReply): void {
  if (process.connected) process.send!(r);
}

process.on('message', (m: SwarmRequest) => {
  switch (m.type) {
    case 'start': {
      hold = m.hold;
      const now = (): number => performance.timeOrigin + performance.now();
      edges = m.nodes.map(({ node, token }) => new SimEdge({
        url: m.url, node, token, localAddress: m.localAddress, hold: () => hold,
        backoffBaseMs: m.backoffBaseMs, backoffCapMs: m.backoffCapMs,
        // Probe messages carry the hub's clock (float64, ms) as their payload: one-way latency.
        onMessage: (_lane, _seq, payload) => {
          if (payload.length === 8) latencies.push(now() - Buffer.from(payload.buffer, payload.byteOffset, 8).readDoubleLE(0));
        },
      }));
      // Start in slices so that the first connects are not one synchronous burst of sockets.
      let i = 0;
      const step = (): void => {
        for (const end = Math.min(edges.length, i + 200); i < end; i++) edges[i]!.start();
        if (i < edges.length) setImmediate(step);
      };
      step();
      reply({ id: m.id, type: 'ok' });
      break;
    }
    case 'hold':
      hold = m.hold;
      reply({ id: m.id, type: 'ok' });
      break;
    case 'status':
      reply({ id: m.id, type: 'status', status: status() });
      break;
    case 'latencies':
      reply({ id: m.id, type: 'latencies', ms: latencies.splice(0) });
      break;
    case 'stop':
      for (const e of edges) e.stop();
      reply({ id: m.id, type: 'ok' });
      setTimeout(() => process.exit(0), 50);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
