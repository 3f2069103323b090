/**
 * The incumbents under the loss benchmark, measured as Isthmus is: a round
 * trip cloud -> edge -> cloud. A publisher at the cloud-side broker sends
 * QoS 1 to `down/bench`; an echo client at the edge-side broker publishes each
 * payload back to `up/bench` (QoS 1); the bridge (or leaf link) carries both
 * ways, and the loss applies to its TCP port only. Both clients live in the
 * worker process, next to the brokers (local hops are not impaired).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { startMosquittoBridge } from '../peers/mosquitto-bridge.js';
import { startNatsLeaf } from '../peers/nats-leaf.js';

export interface BrokerPair {
  cloudPort: number;
  edgePort: number;
  linkPort: number;
  stop(): Promise<void>;
}

/** The binary a broker system needs, if it is missing. */
export function brokerMissing(system: 'mosquitto-bridge' | 'nats-leaf'): string | null {
  const bin = system === 'mosquitto-bridge' ? 'mosquitto' : 'nats-server';
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return null;
  } catch {
    return `${system}: \`${bin}\` is not installed (Debian: ${system === 'mosquitto-bridge' ? 'mosquitto' : 'nats-server'})`;
  }
}

export async function startBrokers(system: 'mosquitto-bridge' | 'nats-leaf'): Promise<BrokerPair> {
  const dir = mkdtempSync(join(tmpdir(), `isthmus-loss-${system}-`));
  const done = async (stop: () => Promise<void>): Promise<void> => { await stop(); rmSync(dir, { recursive: true, force: true }); };
  if (system === 'mosquitto-bridge') {
    const b = await startMosquittoBridge({ dir });
    return { cloudPort: b.cloudPort, edgePort: b.edgePort, linkPort: b.linkPort, stop: () => done(() => b.stop()) };
  }
  const n = await startNatsLeaf({ dir });
  return { cloudPort: n.hubMqttPort!, edgePort: n.leafMqttPort!, linkPort: n.linkPort, stop: () => done(() => n.stop()) };
}

/**
 * Nagle off on a client's socket, now and after each reconnect: the echo
 * client writes a PUBACK and then its PUBLISH, and with Nagle the second
 * waits for the first's delayed ACK (~40 ms on Linux), which would be a
 * cost of this harness, not of the broker.
 */
function noDelay(client: MqttClient): MqttClient {
  const set = (): void => { (client.stream as unknown as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true); };
  set();
  client.on('connect', set);
  return client;
}

/** Clients for the round trip; returns send(), the echo hook and close(). */
export async function brokerEcho(pair: BrokerPair): Promise<{ send(p: Buffer): void; setEcho(f: (p: Uint8Array) => void): void; close(): Promise<void> }> {
  const opts = { reconnectPeriod: 1000, keepalive: 60, clean: true } as const;
  const cloud = noDelay(await mqtt.connectAsync(`mqtt://127.0.0.1:${pair.cloudPort}`, { ...opts, clientId: `loss-cloud-${process.pid}` }));
  const edge = noDelay(await mqtt.connectAsync(`mqtt://127.0.0.1:${pair.edgePort}`, { ...opts, clientId: `loss-edge-${process.pid}` }));
  await edge.subscribeAsync('down/#', { qos: 1 });
  await cloud.subscribeAsync('up/#', { qos: 1 });
  edge.on('message', (_t, payload) => { edge.publish('up/bench', payload, { qos: 1 }); });
  let echo: (p: Uint8Array) => void = () => {};
  cloud.on('message', (_t, payload) => echo(payload));
  // Subscriptions cross the bridge or leaf link asynchronously: wait until a probe makes the round trip.
  await new Promise<void>((resolve, reject) => {
    const probe = Buffer.from('probe');
    const timer = setInterval(() => cloud.publish('down/bench', probe, { qos: 1 }), 200);
    const deadline = setTimeout(() => { clearInterval(timer); reject(new Error('no round trip through the brokers within 20 s')); }, 20_000);
    echo = (p) => { if (Buffer.from(p).equals(probe)) { clearInterval(timer); clearTimeout(deadline); echo = () => {}; resolve(); } };
  });
  return {
    send: (p) => { cloud.publish('down/bench', p, { qos: 1 }); },
    setEcho: (f) => { echo = f; },
    close: async () => { await Promise.all([cloud.endAsync(true), edge.endAsync(true)]); },
  };
}
