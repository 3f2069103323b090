/** Throughput floor, cloud to edges: ws clients counting what the raw server pushes. */
import { closeRaw, connectRaw } from './raw-clients.js';
import type { RoleStart } from './role.js';
import { Tally } from './tally.js';

export const rawSink: RoleStart = async (spec, report) => {
  const sockets = await connectRaw(spec.url, spec.clients);
  const tally = new Tally(spec.clients, spec.perClient, (received) => report({ type: 'done', received, sent: 0 }));
  sockets.forEach((ws, k) => ws.on('message', () => tally.add(k)));
  return { go() {}, close: () => closeRaw(sockets) };
};
