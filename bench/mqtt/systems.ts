/**
 * The three systems of the MQTT benchmark, each as separate processes with an
 * MQTT port where the "cloud" publisher connects and one where the "edge"
 * subscriber connects:
 *   isthmus            `isthmus cloudhub --mqtt` + `isthmus edgehub --mqtt` (LMDB stores: a PUBACK means durable;
 *                      plain ws between them, --insecure-dev, as the peers' bridges are plain TCP)
 *   mosquitto-bridge   two mosquitto processes, bridge with cleansession false, QoS 1 (bench/peers)
 *   nats-leaf          nats-server hub + leaf node, both with their MQTT listener (bench/peers)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMosquittoBridge } from '../peers/mosquitto-bridge.js';
import { startNatsLeaf } from '../peers/nats-leaf.js';
import { startDaemon } from '../peers/daemon.js';

export interface MqttSystem {
  name: string;
  pub: { port: number; username?: string; password?: string; topic: string };
  sub: { port: number; filter: string };

  stop(): Promise<void>;
}

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cli', 'isthmus.js');

/**
 * `store`: lmdb (durable, the default of both commands) or memory (no fsync: the same footing as the peers, which persist nothing here).
 * `edgeStore` (the same by default) sets the edge's apart, for probes that split the durable cost by side.
 */
export async function startIsthmus(store: 'lmdb' | 'memory' = 'lmdb', edgeStore: 'lmdb' | 'memory' = store): Promise<MqttSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-bench-mqtt-'));
  const cloud = await startDaemon(process.execPath, [CLI, 'cloudhub', '--listen', '127.0.0.1:0', '--no-admin', '--no-kube', '--insecure-dev', '--mqtt', '127.0.0.1:0', '--data', join(dir, 'cloud'), '--store', store, '--log-level', 'warn'],
    { ready: /MQTT face:\s+mqtt:\/\/127\.0\.0\.1:\d+/, label: 'isthmus cloudhub' });
  const url = /edges connect to:\s+(ws:\/\/\S+)/.exec(cloud.log())![1]!;
  const cloudMqtt = Number(/MQTT face:\s+mqtt:\/\/127\.0\.0\.1:(\d+)/.exec(cloud.log())![1]);
  const token = (await promisify(execFile)(process.execPath, [CLI, 'token', 'create', '--node', 'bench-edge', '--data', join(dir, 'cloud')])).stdout.trim();
  const edge = await startDaemon(process.execPath, [CLI, 'edgehub', '--cloud', url, '--node', 'bench-edge', '--token', token, '--data', join(dir, 'edge'), '--store', edgeStore, '--no-admin', '--insecure-dev', '--mqtt', '127.0.0.1:0', '--log-level', 'info'],
    { ready: /"msg":"online"/, label: 'isthmus edgehub' });
  const edgeMqtt = Number(/"url":"mqtt:\/\/127\.0\.0\.1:(\d+)"/.exec(edge.log())![1]);
  return {
    name: store !== edgeStore ? `isthmus-${store}-${edgeStore}` : store === 'lmdb' ? 'isthmus' : 'isthmus-memory',
    pub: { port: cloudMqtt, username: 'isthmus', password: readFileSync(join(dir, 'cloud', 'mqtt-password'), 'utf8').trim(), topic: 'isthmus/nodes/bench-edge/down/bench' },
    sub: { port: edgeMqtt, filter: 'isthmus/down/#' },
    async stop() {
      await edge.stop();
      await cloud.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startBridge(): Promise<MqttSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-bench-mosq-'));
  const b = await startMosquittoBridge({ dir });
  return {
    name: 'mosquitto-bridge',
    pub: { port: b.cloudPort, topic: 'down/bench' },
    sub: { port: b.edgePort, filter: 'down/#' },
    async stop() { await b.stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export async function startNats(): Promise<MqttSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-bench-nats-'));
  const n = await startNatsLeaf({ dir });
  return {
    name: 'nats-leaf',
    pub: { port: n.hubMqttPort!, topic: 'down/bench' },
    sub: { port: n.leafMqttPort!, filter: 'down/#' },
    async stop() { await n.stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export const SYSTEMS = { isthmus: () => startIsthmus('lmdb'), 'isthmus-memory': () => startIsthmus('memory'), 'mosquitto-bridge': startBridge, 'nats-leaf': startNats } as const;
