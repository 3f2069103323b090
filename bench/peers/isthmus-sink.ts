/** Throughput, cloud to edges: edge hubs counting the messages their handlers get. */
import { closeEdges, edgeStats, startEdges } from './edges.js';
import type { RoleStart } from './role.js';
import { Tally } from './tally.js';

/** A sink over edges started by `start` (in-memory edges here, lmdb ones in the store benchmarks). */
export const sinkOf = (start: typeof startEdges): RoleStart => async (spec, report) => {
  const edges = await start(spec);
  const tally = new Tally(spec.clients, spec.perClient, (received) => {
    report({ type: 'done', received, sent: 0, detail: edgeStats(edges) });
  });
  edges.forEach((e, k) => e.on('message', () => tally.add(k)));
  return { go() {}, close: () => closeEdges(edges) };
};

export const isthmusSink: RoleStart = sinkOf(startEdges);
