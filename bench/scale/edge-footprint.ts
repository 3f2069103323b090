/**
 * The edge hub's idle footprint: a real `isthmus edgehub` process (LMDB store,
 * admin listener on) connected to a cloud hub child, left idle: its RSS, CPU,
 * and the bytes its one link puts on the wire per second (ss, both ways,
 * headers included) at the hub's ping interval.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { HubChild } from '../fleet/hub.js';
import { fleetNodes } from '../fleet/nodes.js';
import { procFigures } from '../fleet/ipc-child.js';
import { wireRate, wireSnapshot } from '../fleet/wire.js';
import { makeTemp, removeTemp } from '../store/measure.js';
import { sleep } from '../deadline.js';

const CLI = fileURLToPath(new URL('../../bin/isthmus.js', import.meta.url));

export interface EdgeFootprint {
  /** NODE_OPTIONS of the edge process ('' for none). */
  nodeOptions: string;
  pingIntervalMs: number;
  idleSeconds: number;
  rssBytes: number;
  rssAnonBytes: number;
  cpuPercent: number;
  wireBytesPerSecond: number;
  wireKbitPerSecond: number;
  error?: string;
}

export async function edgeFootprint(idleSeconds: number, pingIntervalMs: number, nodeOptions = ''): Promise<EdgeFootprint> {
  const dir = makeTemp('scale-edge');
  const r: EdgeFootprint = { nodeOptions, pingIntervalMs, idleSeconds, rssBytes: NaN, rssAnonBytes: NaN, cpuPercent: NaN, wireBytesPerSecond: NaN, wireKbitPerSecond: NaN };
  let hub: HubChild;
  try {
    hub = await HubChild.start(join(dir, 'hub'), '127.0.0.1:0', { ratePerSecond: 0, burst: 1 }, { pingIntervalMs });
  } catch (err) {
    removeTemp(dir);
    return { ...r, error: (err as Error).message };
  }
  const [{ node, token }] = fleetNodes(join(dir, 'hub'), 1) as [{ node: string; token: string }];
  const edge = spawn(process.execPath, [CLI, 'edgehub', '--cloud', `ws://127.0.0.1:${hub.port}`, '--node', node, '--token', token,
    // As issue 7 measures it: with the local MQTT broker on; plain ws like the simulated fleet's hub.
    '--data', join(dir, 'edge'), '--admin', '127.0.0.1:0', '--mqtt', '127.0.0.1:0', '--insecure-dev', '--log-level', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_OPTIONS: nodeOptions } });
  try {
    const deadline = Date.now() + 30_000;
    while ((await hub.status()).connected < 1) {
      if (Date.now() > deadline) throw new Error('the edge hub did not connect');
      await sleep(100);
    }
    await sleep(2_000); // past the start-up work
    const cpu0 = procFigures(edge.pid!).cpuMs;
    const w0 = wireSnapshot(hub.port);
    const t0 = performance.now();
    await sleep(idleSeconds * 1000);
    const w1 = wireSnapshot(hub.port);
    const p = procFigures(edge.pid!);
    r.cpuPercent = ((p.cpuMs - cpu0) / (performance.now() - t0)) * 100;
    r.rssBytes = p.rssBytes;
    r.rssAnonBytes = p.rssAnonBytes;
    r.wireBytesPerSecond = wireRate(w0, w1).bytesPerSecondEach;
    r.wireKbitPerSecond = (r.wireBytesPerSecond * 8) / 1000;
  } catch (err) {
    r.error = (err as Error).message;
  } finally {
    edge.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => { edge.kill('SIGKILL'); resolve(); }, 10_000);
      edge.once('exit', () => { clearTimeout(t); resolve(); });
    });
    await hub.terminate(10_000);
    removeTemp(dir);
  }
  return r;
}
