/** Edge hubs for the Isthmus runs: started together, ready once all are online. */
import { EdgeHub } from '../../index.js';
import type { PeerSpec } from '../protocol.js';

export async function startEdges(spec: PeerSpec): Promise<EdgeHub[]> {
  if (!spec.nodes || spec.nodes.length !== spec.clients) throw new Error('isthmus roles need one node and token per client');
  const edges = await Promise.all(spec.nodes.map((n) => EdgeHub.start({ cloud: spec.url, paths: spec.paths, node: n.node, token: n.token, log: 'silent', insecure: 'dev' })));
  await Promise.all(edges.map((e) => e.waitOnline(30_000)));
  return edges;
}

export async function closeEdges(edges: readonly EdgeHub[]): Promise<void> {
  await Promise.all(edges.map((e) => e.close()));
}

/** Link counters summed over the edges, so the report can show frames and batch sizes. */
export function edgeStats(edges: readonly EdgeHub[]): Record<string, number> {
  const sum = { messagesIn: 0, messagesOut: 0, framesIn: 0, framesOut: 0, duplicates: 0 };
  for (const e of edges) {
    const s = e.status().stats;
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += s[k];
  }
  return sum;
}
