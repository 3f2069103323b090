/**
 * What the bench parent and its child process (bench/peer.ts) say to each
 * other over the fork IPC channel. The child plays the far end of every
 * benchmark, edges or raw ws clients, so that the server side and the client
 * side each get a core, identically for the floor and for Isthmus.
 */

/** The roles a child can play; each lives in bench/peers/<role>.ts. */
export type Role =
  | 'raw-echo' // one ws client echoing every binary message (latency floor)
  | 'isthmus-echo' // one edge hub publishing back every message it gets (latency)
  | 'raw-sink' // ws clients counting messages (throughput floor, down)
  | 'isthmus-sink' // edge hubs counting messages (throughput, down)
  | 'raw-source' // ws clients sending as fast as backpressure allows (throughput floor, up)
  | 'isthmus-source'; // edge hubs publishing with an acked window (throughput, up)

export interface PeerSpec {
  role: Role;
  /** ws:// URL of the raw floor server or of the cloud hub. */
  url: string;
  /** How many clients or edge hubs this child runs. */
  clients: number;
  /** Messages each client expects (sinks) or sends (sources). */
  perClient: number;
  /** Payload size of a source's messages, bytes. */
  payloadBytes: number;
  /** Edge hubs only: node names and their tokens, one per client. */
  nodes?: { node: string; token: string }[];
  /** Isthmus lane to use. */
  lane?: 'control' | 'state' | 'events' | 'bulk';
}

/** Parent to child. */
export type ToPeer =
  | { type: 'start'; spec: PeerSpec }
  | { type: 'go' } // sources: start sending now
  | { type: 'stop' };

/** Child to parent. */
export type FromPeer =
  | { type: 'ready' } // every client is connected (edges: online)
  /** cpuMs: CPU time (user + system) the child used since it said ready; added by bench/peer.ts. */
  | { type: 'done'; received: number; sent: number; cpuMs?: number; detail?: Record<string, unknown> }
  | { type: 'error'; message: string };
