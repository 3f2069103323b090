/**
 * The incumbent: two mosquitto processes joined by a bridge, configured as
 * users do (cleansession false, QoS 1). The cloud-side broker has a client
 * listener (cloudPort) and a separate listener the edge-side broker's bridge
 * dials (linkPort), so a harness can apply loss to the bridge link alone.
 * Topics: what is published at the cloud under `down/` reaches the edge's
 * subscribers, what is published at the edge under `up/` reaches the cloud's
 * (prefixes configurable).
 */
import { freePort } from './daemon.js';
import { startMosquitto } from './mosquitto.js';

export interface MosquittoBridgeOptions {
  wrap?: string[];
  host?: string;
  cloudPort?: number;
  edgePort?: number;
  /** Working folder for the generated configs. */
  dir: string;
  /** Bridge topic lines ("PATTERN DIRECTION QOS"); default ["down/# in 1", "up/# out 1"]. */
  topics?: string[];
}

export interface MosquittoBridge {
  cloudPort: number;
  edgePort: number;
  linkPort: number;
  stop(): Promise<void>;
}

export async function startMosquittoBridge(o: MosquittoBridgeOptions): Promise<MosquittoBridge> {
  const host = o.host ?? '127.0.0.1';
  const linkPort = await freePort(host);
  const cloud = await startMosquitto({
    dir: o.dir, name: 'bridge-cloud', host, port: o.cloudPort, wrap: o.wrap,
    extra: [`listener ${linkPort} ${host}`],
  });
  try {
    const edge = await startMosquitto({
      dir: o.dir, name: 'bridge-edge', host, port: o.edgePort, wrap: o.wrap,
      extra: [
        'connection isthmus-bench-bridge',
        `address ${host}:${linkPort}`,
        'cleansession false',
        'clientid bridge-edge',
        'restart_timeout 1 5', // reconnect within seconds after a cut, like the edge hub's backoff
        'keepalive_interval 10',
        ...(o.topics ?? ['down/# in 1', 'up/# out 1']).map((t) => `topic ${t}`),
      ],
    });
    // Ready only once the bridge is connected: it logs on the cloud side.
    await waitFor(() => /New (bridge|client) connected .* as bridge-edge/.test(cloud.daemon.log()), 10_000, 'mosquitto bridge connection');
    return {
      cloudPort: cloud.port, edgePort: edge.port, linkPort,
      async stop() { await edge.stop(); await cloud.stop(); },
    };
  } catch (err) {
    await cloud.stop();
    throw err;
  }
}

async function waitFor(cond: () => boolean, ms: number, label: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
