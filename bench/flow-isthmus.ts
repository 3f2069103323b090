/**
 * Isthmus throughput, acked: the same layout as the floor (the cloud hub in
 * this process, the edge hubs in a child), 1 KB payloads.
 *  - down: hub.send() to every edge with an acked window each; the clock stops
 *    when the last message of every edge is acknowledged and the child says
 *    every edge's handler has counted its share.
 *  - up: the edges publish (bench/peers/isthmus-source.ts); the clock stops
 *    when the hub's handler has counted every message and the child says the
 *    last receipt of every edge resolved as delivered.
 */
import { CloudHub } from '../index.js';
import { sendAcked, windowFor } from './acked-window.js';
import { Peer } from './child.js';
import { withDeadline } from './deadline.js';
import { flowFailure, flowResult, Stopwatch, type FlowResult, type FlowRun } from './flow.js';

export async function isthmusFlow(run: FlowRun): Promise<FlowResult> {
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', insecure: 'dev' });
  const nodes = Array.from({ length: run.case.edges }, (_, i) => `bench-${i}`);
  const spec = {
    url: hub.url, clients: nodes.length, perClient: run.perEdge, payloadBytes: run.payloadBytes, lane: run.lane,
    nodes: nodes.map((node) => ({ node, token: hub.mintToken(node) })),
  };
  let peer: Peer | null = null;
  let stopped = false;
  try {
    if (run.case.direction === 'down') {
      peer = await Peer.start({ role: 'isthmus-sink', ...spec });
      const counted = peer.next('done', run.deadlineMs);
      // One payload for all: hub.send() encodes it into the outbox at once.
      const payload = Buffer.alloc(run.payloadBytes, 0x61);
      const window = { ...windowFor(nodes.length, run.lane), aborted: () => stopped };
      const watch = new Stopwatch();
      const acked = Promise.all(nodes.map((n) => sendAcked(run.perEdge, () => hub.send(n, { lane: run.lane, payload }), window)));
      const [, child] = await withDeadline(Promise.all([acked, counted]), run.deadlineMs, 'isthmus down: acks and counts');
      return flowResult('isthmus', run, watch.stop(), child.cpuMs, { hub: hubStats(hub, nodes), edges: child.detail });
    }
    const total = run.perEdge * nodes.length;
    let received = 0;
    let allIn: () => void = () => {};
    const arrived = new Promise<void>((resolve) => { allIn = resolve; });
    hub.on('message', () => { if (++received === total) allIn(); });
    peer = await Peer.start({ role: 'isthmus-source', ...spec });
    const watch = new Stopwatch();
    peer.send({ type: 'go' });
    const [, child] = await withDeadline(Promise.all([arrived, peer.next('done', run.deadlineMs)]), run.deadlineMs, 'isthmus up: messages at the hub and acks at the edges');
    return flowResult('isthmus', run, watch.stop(), child.cpuMs, { hub: hubStats(hub, nodes), edges: child.detail });
  } catch (err) {
    return flowFailure('isthmus', run, err);
  } finally {
    stopped = true;
    await peer?.stop();
    await hub.close();
  }
}

/** The hub's link counters summed over the nodes: messages per frame shows how well it batches. */
function hubStats(hub: CloudHub, nodes: readonly string[]): Record<string, number> {
  const sum = { messagesIn: 0, messagesOut: 0, framesIn: 0, framesOut: 0, duplicates: 0 };
  for (const n of nodes) {
    const s = hub.node(n)?.stats;
    if (!s) continue;
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += s[k];
  }
  return sum;
}
