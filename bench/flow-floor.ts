/**
 * The raw throughput floor: a bare uWS server and bare ws clients in a child
 * process, 1 KB binary messages, no Isthmus.
 *  - down: the server pushes each client its share as fast as backpressure
 *    allows (send while getBufferedAmount() is under the link's high-water
 *    mark, go on at drain), corked unless --floor-uncorked; the clock stops
 *    when the child says every client has counted its share.
 *  - up: the clients send (bench/peers/raw-source.ts); the clock stops when
 *    the server has counted every message.
 */
import { Peer } from './child.js';
import { withDeadline } from './deadline.js';
import { HIGH_WATER_BYTES, RawServer, type RawSocket } from './floor.js';
import { flowFailure, flowResult, Stopwatch, type FlowResult, type FlowRun } from './flow.js';

export async function floorFlow(run: FlowRun): Promise<FlowResult> {
  return run.case.direction === 'down' ? floorDown(run) : floorUp(run);
}

async function floorDown(run: FlowRun): Promise<FlowResult> {
  const payload = Buffer.alloc(run.payloadBytes, 0x61);
  const sent = new Map<RawSocket, number>();
  const pump = (ws: RawSocket): void => {
    let n = sent.get(ws) ?? 0;
    const burst = (): void => {
      while (n < run.perEdge && ws.getBufferedAmount() < HIGH_WATER_BYTES) {
        ws.send(payload, true);
        n++;
      }
    };
    // Corked, uWS writes the burst with few syscalls, as the hub's corked frame writes do;
    // uncorked (outside a uWS callback), every message is a write of its own.
    if (run.floorUncorked) burst();
    else ws.cork(burst);
    sent.set(ws, n);
  };
  let started = false;
  const server = await RawServer.start({ drain: (ws) => { if (started) pump(ws); } });
  let peer: Peer | null = null;
  try {
    peer = await Peer.start({ role: 'raw-sink', url: server.url, clients: run.case.edges, perClient: run.perEdge, payloadBytes: run.payloadBytes });
    if (server.sockets.size !== run.case.edges) throw new Error(`floor: ${server.sockets.size} sockets for ${run.case.edges} clients`);
    const done = peer.next('done', run.deadlineMs);
    const watch = new Stopwatch();
    started = true;
    for (const ws of server.sockets) pump(ws);
    const child = await done;
    return flowResult('floor', run, watch.stop(), child.cpuMs);
  } catch (err) {
    return flowFailure('floor', run, err);
  } finally {
    await peer?.stop();
    server.close();
  }
}

async function floorUp(run: FlowRun): Promise<FlowResult> {
  const total = run.perEdge * run.case.edges;
  let received = 0;
  let allIn: () => void = () => {};
  const arrived = new Promise<void>((resolve) => { allIn = resolve; });
  const server = await RawServer.start({ message: () => { if (++received === total) allIn(); } });
  let peer: Peer | null = null;
  try {
    peer = await Peer.start({ role: 'raw-source', url: server.url, clients: run.case.edges, perClient: run.perEdge, payloadBytes: run.payloadBytes });
    const watch = new Stopwatch();
    peer.send({ type: 'go' });
    await withDeadline(arrived, run.deadlineMs, 'floor up: messages at the server');
    watch.stop();
    // The sources said done once their last write completed, at about the time the last message arrived.
    const child = await peer.next('done', 5_000);
    return flowResult('floor', run, watch, child.cpuMs);
  } catch (err) {
    return flowFailure('floor', run, err);
  } finally {
    await peer?.stop();
    server.close();
  }
}
