/** What the bench parent and its swarm and hub children say over IPC. Every request carries an id its reply repeats. */

export type SwarmRequest =
  | { id: number; type: 'start'; url: string; nodes: Array<{ node: string; token: string }>; localAddress?: string; hold: boolean; backoffBaseMs: number; backoffCapMs: number }
  | { id: number; type: 'hold'; hold: boolean }
  | { id: number; type: 'status' }
  | { id: number; type: 'latencies' }
  | { id: number; type: 'stop' };

export interface SwarmStatus {
  edges: number;
  online: number;
  upAcked: number;
  delivered: number;
  duplicates: number;
  held: number;
  refused: number;
  connects: number;
  goAways: number;
  rssBytes: number;
}

export type SwarmReply =
  | { id: number; type: 'ok' }
  | { id: number; type: 'status'; status: SwarmStatus }
  | { id: number; type: 'latencies'; ms: number[] }
  | { id: number; type: 'error'; message: string };

export type HubRequest =
  | { id: number; type: 'start'; dataDir: string; listen: string; admission: { ratePerSecond: number; burst: number }; pingIntervalMs?: number; retryAfterMs?: number }
  | { id: number; type: 'queue'; nodes: string[]; perNode: number }
  | { id: number; type: 'probe'; nodes: string[]; count: number; ratePerSecond: number }
  | { id: number; type: 'status'; gc?: boolean }
  | { id: number; type: 'scrape' };

export interface HubStatus {
  connected: number;
  openSockets: number;
  queued: number;
  received: number;
  refusedAdmission: number;
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  bytesIn: number;
  bytesOut: number;
}

export type HubReply =
  | { id: number; type: 'ok' }
  | { id: number; type: 'started'; port: number; openMs: number }
  | { id: number; type: 'status'; status: HubStatus }
  | { id: number; type: 'scrape'; ms: number; bytes: number }
  | { id: number; type: 'error'; message: string };
