/**
 * Child-process roles of the store benchmarks (registered in
 * bench/peers/index.ts, run by bench/peer.ts like every other far end):
 *
 *  - store-sink:       edge hubs on the given store counting what they get (durable, down)
 *  - store-source:     edge hubs on the given store publishing with many sends in flight (durable, up)
 *  - store-drain-edge: one edge hub on lmdb that connects on one `go` and closes on the
 *                      next, echoing control messages and counting the rest (drain)
 *  - store-footprint:  a cloud hub on lmdb queuing messages for a node that never
 *                      connects, then reporting disk use and its own RSS (footprint)
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CloudHub, EdgeHub } from '../../index.js';
import type { LmdbStore } from '../../link/index.js';
import { windowFor } from '../acked-window.js';
import { closeEdges, edgeStats } from '../peers/edges.js';
import type { RoleStart } from '../peers/role.js';
import { sinkOf } from '../peers/isthmus-sink.js';
import type { PeerSpec } from '../protocol.js';
import { exposeGc, lmdbFigures, memoryFigures, storeFiles } from './measure.js';
import { sendPipelined } from './pipelined.js';

/** Sends not yet durable at once, unless the spec says otherwise. */
export const DEFAULT_IN_FLIGHT = 8192;
/** The node the footprint hub queues for; it never connects. */
export const OFFLINE_NODE = 'edge-offline';
/** Offset of the edge's receive time (f64, ms since the epoch) in an echoed control payload. */
export const ECHO_STAMP_OFFSET = 8;

/** Edge hubs on the spec's store: lmdb under dataDir/<node>, or memory. */
async function startStoreEdges(spec: PeerSpec): Promise<EdgeHub[]> {
  if (!spec.nodes || spec.nodes.length !== spec.clients) throw new Error('store roles need one node and token per client');
  const edges = await Promise.all(spec.nodes.map((n) => EdgeHub.start({
    cloud: spec.url, node: n.node, token: n.token, log: 'silent', insecure: 'dev',
    ...(spec.store === 'lmdb' ? { dataDir: join(spec.dataDir!, n.node), store: 'lmdb' as const } : { store: 'memory' as const }),
  })));
  await Promise.all(edges.map((e) => e.waitOnline(30_000)));
  return edges;
}

/** Write transactions committed so far by an edge's lmdb store (NaN for memory). */
function edgeCommits(edges: readonly EdgeHub[]): number {
  let sum = 0;
  for (const e of edges) {
    const store = (e as unknown as { store: { kind: string } }).store;
    if (store.kind !== 'lmdb') return NaN;
    sum += lmdbFigures(store as unknown as LmdbStore).lastTxnId;
  }
  return sum;
}

/**
 * The sending side's window stalls: in the up case the edges send, so the
 * cloud hub's windowStalls (its own sends) say nothing about this run.
 */
function senderStats(edges: readonly EdgeHub[]): { windowStalls: number } {
  let windowStalls = 0;
  for (const e of edges) windowStalls += e.status().stats.windowStalls;
  return { windowStalls };
}

export const storeSink: RoleStart = sinkOf(startStoreEdges);

export const storeSource: RoleStart = async (spec, report) => {
  const edges = await startStoreEdges(spec);
  const payload = Buffer.alloc(spec.payloadBytes, 0x61);
  const lane = spec.lane ?? 'events';
  const window = { ...windowFor(edges.length, lane), inFlight: Math.max(1, Math.floor((spec.inFlight ?? DEFAULT_IN_FLIGHT) / edges.length)) };
  let stopped = false;
  return {
    go() {
      const commits0 = edgeCommits(edges);
      Promise.all(edges.map((e) => sendPipelined(spec.perClient, () => e.publish({ lane, payload }), { ...window, aborted: () => stopped })))
        .then((runs) => report({
          type: 'done', received: 0, sent: runs.reduce((a, r) => a + r.sent, 0),
          detail: { ...edgeStats(edges), ...senderStats(edges), commits: edgeCommits(edges) - commits0 },
        }))
        .catch((err: Error) => report({ type: 'error', message: `publish: ${err.message}` }));
    },
    close: () => { stopped = true; return closeEdges(edges); },
  };
};

/**
 * One edge on lmdb under dataDir. Each `go` toggles it: connect (answered once
 * online) or close (answered once closed, so the cloud queues for an offline
 * node). Control messages are echoed at once, stamped with the edge's receive
 * time; other messages are counted. Every answer carries the running counts.
 */
export const storeDrainEdge: RoleStart = async (spec, report) => {
  const n = spec.nodes?.[0];
  if (!n || !spec.dataDir) throw new Error('store-drain-edge needs a node and a dataDir');
  let edge: EdgeHub | null = null;
  let others = 0;
  let echoed = 0;
  let busy: Promise<void> = Promise.resolve();
  const connect = async (): Promise<void> => {
    const e = await EdgeHub.start({ cloud: spec.url, node: n.node, token: n.token, dataDir: spec.dataDir!, log: 'silent', insecure: 'dev' });
    e.on('message', (m) => {
      if (m.lane !== 'control') { others++; return; }
      const p = Buffer.from(m.payload);
      if (p.length >= ECHO_STAMP_OFFSET + 8) p.writeDoubleLE(performance.timeOrigin + performance.now(), ECHO_STAMP_OFFSET);
      echoed++;
      e.publish({ lane: 'control', payload: p }).catch((err: Error) => report({ type: 'error', message: `echo publish: ${err.message}` }));
    });
    edge = e;
    await e.waitOnline(30_000);
  };
  const toggle = async (): Promise<Record<string, unknown>> => {
    if (edge) {
      const e = edge;
      edge = null;
      await e.close();
      return { online: false };
    }
    await connect();
    return { online: true };
  };
  return {
    go() {
      busy = busy.then(toggle).then(
        (d) => report({ type: 'done', received: others, sent: echoed, detail: { ...d, others, echoed } }),
        (err: Error) => report({ type: 'error', message: `drain edge: ${err.stack ?? err.message}` }),
      );
    },
    close: async () => { await busy; await edge?.close(); },
  };
};

/**
 * A cloud hub on lmdb under dataDir. On `go`, it opens the store (timed),
 * queues perClient messages on the bulk lane for a node that never connects
 * (unless `reopen`: then it only opens what an earlier run queued), and
 * reports its memory (before and after a full GC) and the store's size.
 * The bulk lane's bounds are raised so that nothing is dropped.
 */
export const storeFootprint: RoleStart = async (spec, report) => {
  if (!spec.dataDir) throw new Error('store-footprint needs a dataDir');
  const gc = exposeGc();
  let hub: CloudHub | null = null;
  const run = async (): Promise<Record<string, unknown>> => {
    const start = memoryFigures(gc);
    const t0 = performance.now();
    hub = await CloudHub.start({
      listen: '127.0.0.1:0', dataDir: spec.dataDir!, log: 'silent', insecure: 'dev',
      lanes: { bulk: { maxMessages: Math.max(1_000_000, spec.perClient + 1), maxBytes: 64 * 2 ** 30 } },
    });
    const openMs = performance.now() - t0;
    const opened = memoryFigures(gc);
    let queueMs = 0;
    let sent = 0;
    if (!spec.reopen) {
      const payload = Buffer.alloc(spec.payloadBytes, 0x61);
      const h = hub;
      const t1 = performance.now();
      const r = await sendPipelined(spec.perClient, () => h.send(OFFLINE_NODE, { lane: 'bulk', payload }), {
        inFlight: spec.inFlight ?? DEFAULT_IN_FLIGHT, every: 1, marks: Infinity,
      });
      queueMs = performance.now() - t1;
      sent = r.sent;
    }
    const queued = hub.node(OFFLINE_NODE)?.lanes.bulk;
    const beforeGc = memoryFigures(null);
    const afterGc = memoryFigures(gc);
    const store = hub.store as unknown as LmdbStore;
    return {
      reopen: !!spec.reopen, sent, queued: queued?.messages ?? 0, queuedBytes: queued?.bytes ?? 0,
      openMs, queueMs, gcAvailable: gc !== null,
      memory: { start, opened, beforeGc, afterGc },
      files: storeFiles(store.location),
      lmdb: lmdbFigures(store),
    };
  };
  return {
    go() {
      run().then(
        (detail) => report({ type: 'done', received: 0, sent: Number(detail.sent), detail }),
        (err: Error) => report({ type: 'error', message: `footprint: ${err.stack ?? err.message}` }),
      );
    },
    close: async () => { await hub?.close(); },
  };
};
