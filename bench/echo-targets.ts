/**
 * The two systems under the latency test, behind one shape: send a payload
 * from the cloud side, get the echo back from a far end in a child process.
 *
 *  - floor:   uWS server --binary message--> ws client (echoes) --> uWS server
 *  - isthmus: hub.send() --> edge 'message' handler --> edge.publish() --> hub 'message' event
 */
import { CloudHub, type LaneName } from '../index.js';
import { Peer } from './child.js';
import { RawServer, type RawSocket } from './floor.js';

export interface EchoTarget {
  readonly system: 'floor' | 'isthmus';
  /** Called with every payload that comes back; set by the measuring code. */
  onEcho: (payload: Uint8Array) => void;
  send(payload: Buffer): void;
  /** CPU the far end (child) has used so far, ms. */
  childCpuMs(): number;
  close(): Promise<void>;
}

/**
 * Where the far end dials, given the server's port: the server itself, or a
 * hop in front of it (the loss benchmark's delay line).
 */
export type Via = (serverPort: number) => Promise<number>;
const direct: Via = async (port) => port;

export async function startFloorEcho(via: Via = direct): Promise<EchoTarget & { port: number }> {
  let onEcho: (p: Uint8Array) => void = () => {};
  // uWS lends `data` only for the duration of the callback; the reader decodes it at once.
  const server = await RawServer.start({ message: (_ws, data) => onEcho(new Uint8Array(data)) });
  const url = new URL(server.url);
  url.port = String(await via(Number(url.port)));
  const peer = await Peer.start({ role: 'raw-echo', url: url.toString(), clients: 1, perClient: 0, payloadBytes: 0 });
  const ws: RawSocket | undefined = [...server.sockets][0];
  if (!ws) throw new Error('floor echo: the client connected but the server has no socket');
  return {
    system: 'floor',
    port: Number(new URL(server.url).port),
    set onEcho(f) { onEcho = f; },
    get onEcho() { return onEcho; },
    // Corked like the hub's EdgeSocket.send, so both write the same way.
    send(payload) { ws.cork(() => ws.send(payload, true)); },
    childCpuMs: () => peer.cpuMs(),
    async close() { await peer.stop(); server.close(); },
  };
}

/** `paths` > 1: the edge holds that many sockets (multipath). `hub` is there for the caller's counters. */
export async function startIsthmusEcho(lane: LaneName, paths = 1, via: Via = direct): Promise<EchoTarget & { port: number; hub: CloudHub }> {
  const node = 'bench-echo';
  let onEcho: (p: Uint8Array) => void = () => {};
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', insecure: 'dev' });
  hub.on('message', (_node, msg) => onEcho(msg.payload));
  const peer = await Peer.start({
    role: 'isthmus-echo', url: `ws://127.0.0.1:${await via(hub.port)}`, clients: 1, perClient: 0, payloadBytes: 0, paths,
    nodes: [{ node, token: hub.mintToken(node) }],
  });
  return {
    system: 'isthmus',
    port: hub.port,
    hub,
    set onEcho(f) { onEcho = f; },
    get onEcho() { return onEcho; },
    send(payload) {
      hub.send(node, { lane, payload }).catch((err: Error) => { process.stderr.write(`bench: hub.send failed: ${err.message}\n`); });
    },
    childCpuMs: () => peer.cpuMs(),
    async close() { await peer.stop(); await hub.close(); },
  };
}
