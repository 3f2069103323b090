/** Throughput, cloud to edges: edge hubs counting the messages their handlers get. */
import { closeEdges, edgeStats, startEdges } from './edges.js';
import type { RoleStart } from './role.js';
import { Tally } from './tally.js';

export const isthmusSink: RoleStart = async (spec, report) => {
  const edges = await startEdges(spec);
  const tally = new Tally(spec.clients, spec.perClient, (received) => {
    report({ type: 'done', received, sent: 0, detail: edgeStats(edges) });
  });
  edges.forEach((e, k) => e.on('message', () => tally.add(k)));
  return { go() {}, close: () => closeEdges(edges) };
};
