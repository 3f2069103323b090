/**
 * Throughput floor, edges to cloud: ws clients each sending their quota of
 * binary messages as fast as backpressure allows. ws has no drain event of
 * its own, so a client sends in chunks of one high-water mark and keeps two
 * chunks in flight: the write callback of a chunk's last message (called once
 * the bytes are in the kernel) sends the next chunk.
 */
import type WebSocket from 'ws';
import { HIGH_WATER_BYTES } from '../floor.js';
import { closeRaw, connectRaw } from './raw-clients.js';
import type { RoleStart } from './role.js';

export const rawSource: RoleStart = async (spec, report) => {
  const sockets = await connectRaw(spec.url, spec.clients);
  const payload = Buffer.alloc(spec.payloadBytes, 0x61);
  const chunk = Math.max(1, Math.floor(HIGH_WATER_BYTES / spec.payloadBytes));
  let sent = 0;
  let finished = 0;
  const pump = (ws: WebSocket, state: { sent: number }): void => {
    const end = Math.min(spec.perClient, state.sent + chunk);
    while (state.sent < end) {
      state.sent++;
      sent++;
      const cb = state.sent === spec.perClient ? finish : state.sent === end ? () => pump(ws, state) : undefined;
      ws.send(payload, { binary: true }, cb);
    }
  };
  const finish = (): void => {
    if (++finished === sockets.length) report({ type: 'done', received: 0, sent });
  };
  return {
    go() {
      for (const ws of sockets) {
        const state = { sent: 0 };
        pump(ws, state);
        pump(ws, state);
      }
    },
    close: () => closeRaw(sockets),
  };
};
