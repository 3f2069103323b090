/**
 * The other incumbent: a nats-server hub and a nats-server leaf node joined by
 * a leafnode connection, each with its MQTT listener (NATS's MQTT support
 * needs a server_name and JetStream; each side gets its own JetStream domain).
 * linkPort is the hub's leafnode listener, which the leaf dials, so a harness
 * can apply loss to that link alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startDaemon, type Daemon } from './daemon.js';

export interface NatsLeafOptions {
  wrap?: string[];
  host?: string;
  hubPort?: number;
  leafPort?: number;
  /** MQTT listeners; default on (free ports). false: none. */
  mqtt?: boolean;
  dir: string;
}

export interface NatsLeaf {
  hubPort: number;
  leafPort: number;
  linkPort: number;
  hubMqttPort?: number;
  leafMqttPort?: number;
  stop(): Promise<void>;
}

async function natsServer(o: NatsLeafOptions, name: string, lines: string[]): Promise<Daemon> {
  const conf = join(o.dir, `${name}.conf`);
  mkdirSync(join(o.dir, `${name}-js`), { recursive: true });
  writeFileSync(conf, [`server_name: ${name}`, ...lines, ''].join('\n'));
  return startDaemon('nats-server', ['-c', conf], { wrap: o.wrap, ready: /Server is ready/, label: `nats-server ${name}`, timeoutMs: 20_000 });
}

export async function startNatsLeaf(o: NatsLeafOptions): Promise<NatsLeaf> {
  const host = o.host ?? '127.0.0.1';
  const withMqtt = o.mqtt !== false;
  const hubPort = o.hubPort ?? await freePort(host);
  const leafPort = o.leafPort ?? await freePort(host);
  const linkPort = await freePort(host);
  const hubMqttPort = withMqtt ? await freePort(host) : undefined;
  const leafMqttPort = withMqtt ? await freePort(host) : undefined;
  const hub = await natsServer(o, 'isthmus-bench-hub', [
    `listen: "${host}:${hubPort}"`,
    `jetstream { store_dir: "${join(o.dir, 'isthmus-bench-hub-js')}", domain: hub }`,
    `leafnodes { listen: "${host}:${linkPort}" }`,
    ...(withMqtt ? [`mqtt { listen: "${host}:${hubMqttPort}" }`] : []),
  ]);
  try {
    const leaf = await natsServer(o, 'isthmus-bench-leaf', [
      `listen: "${host}:${leafPort}"`,
      `jetstream { store_dir: "${join(o.dir, 'isthmus-bench-leaf-js')}", domain: leaf }`,
      `leafnodes { remotes: [ { url: "nats-leaf://${host}:${linkPort}" } ], reconnect: 1 }`,
      ...(withMqtt ? [`mqtt { listen: "${host}:${leafMqttPort}" }`] : []),
    ]);
    const end = Date.now() + 20_000;
    while (!/Leafnode connection created/i.test(hub.log())) {
      if (Date.now() > end) { await leaf.stop(); throw new Error(`NATS leafnode connection not up within 20 s:\n${hub.log().slice(-1500)}`); }
      await new Promise((r) => setTimeout(r, 20));
    }
    return {
      hubPort, leafPort, linkPort, hubMqttPort, leafMqttPort,
      async stop() { await leaf.stop(); await hub.stop(); },
    };
  } catch (err) {
    await hub.stop();
    throw err;
  }
}
