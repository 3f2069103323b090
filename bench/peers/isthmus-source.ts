/** Throughput, edges to cloud: edge hubs publishing their quota, each with an acked window. */
import { sendAcked, windowFor } from '../acked-window.js';
import { closeEdges, edgeStats, startEdges } from './edges.js';
import type { RoleStart } from './role.js';

export const isthmusSource: RoleStart = async (spec, report) => {
  const edges = await startEdges(spec);
  // One payload for all: publish() encodes it into the outbox at once.
  const payload = Buffer.alloc(spec.payloadBytes, 0x61);
  const lane = spec.lane ?? 'events';
  const window = windowFor(edges.length, lane);
  let stopped = false;
  return {
    go() {
      Promise.all(edges.map((e) => sendAcked(spec.perClient, () => e.publish({ lane, payload }), { ...window, aborted: () => stopped })))
        .then((counts) => report({ type: 'done', received: 0, sent: counts.reduce((a, b) => a + b, 0), detail: edgeStats(edges) }))
        .catch((err: Error) => report({ type: 'error', message: `publish: ${err.message}` }));
    },
    close: () => { stopped = true; return closeEdges(edges); },
  };
};
