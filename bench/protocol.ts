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
  | 'isthmus-source' // edge hubs publishing with an acked window (throughput, up)
  | 'store-sink' // edge hubs on a given store counting messages (durable, down; bench/store/roles.ts)
  | 'store-source' // edge hubs on a given store publishing with many sends in flight (durable, up)
  | 'store-drain-edge' // one edge hub that connects and disconnects on each go, echoing control (drain)
  | 'store-footprint'; // a cloud hub queuing messages for an offline node, measuring disk and RSS (footprint)

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
  /** Edge hubs only: sockets each holds to the cloud (multipath). Default 1. */
  paths?: number;
  /** Isthmus lane to use. */
  lane?: 'control' | 'state' | 'events' | 'bulk';
  /** Store roles: the folder of the hubs' stores (one subfolder per edge), and which store. */
  dataDir?: string;
  store?: 'memory' | 'lmdb';
  /** Store roles: most sends not yet durable at once (bench/store/pipelined.ts). */
  inFlight?: number;
  /** store-footprint: open the store queued by an earlier run instead of queuing. */
  reopen?: boolean;
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
