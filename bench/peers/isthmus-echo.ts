/** Latency, far end: one edge hub whose handler publishes every message back on the same lane. */
import { closeEdges, startEdges } from './edges.js';
import type { RoleStart } from './role.js';

export const isthmusEcho: RoleStart = async (spec, report) => {
  const edges = await startEdges({ ...spec, clients: 1 });
  const edge = edges[0]!;
  edge.on('message', (m) => {
    edge.publish({ lane: m.lane, payload: m.payload }).catch((err: Error) => report({ type: 'error', message: `echo publish: ${err.message}` }));
  });
  return { go() {}, close: () => closeEdges(edges) };
};
