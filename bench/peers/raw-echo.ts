/** Latency floor, far end: one ws client that sends back every binary message as it is. */
import { closeRaw, connectRaw } from './raw-clients.js';
import type { RoleStart } from './role.js';

export const rawEcho: RoleStart = async (spec) => {
  const sockets = await connectRaw(spec.url, 1);
  const ws = sockets[0]!;
  ws.on('message', (data: Buffer) => ws.send(data, { binary: true }));
  return { go() {}, close: () => closeRaw(sockets) };
};
