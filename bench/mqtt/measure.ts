/**
 * Measurements over one MQTT system with mqtt.js clients in this process: a
 * publisher at the "cloud" port, a subscriber at the "edge" port, both QoS 1.
 * Each payload carries its index, the run number and the send time, so the
 * subscriber computes latency, loss and duplicates itself.
 */
import { performance } from 'node:perf_hooks';
import mqtt, { type MqttClient } from 'mqtt';
import { paced } from '../pacer.js';
import type { MqttSystem } from './systems.js';

export interface Clients {
  pub: MqttClient;
  sub: MqttClient;
  onMessage: (payload: Buffer) => void;
  close(): Promise<void>;
}

export async function connect(sys: MqttSystem): Promise<Clients> {
  const pub = await mqtt.connectAsync(`mqtt://127.0.0.1:${sys.pub.port}`, {
    clientId: `bench-pub-${process.pid}`, username: sys.pub.username, password: sys.pub.password, reconnectPeriod: 0, keepalive: 60,
  });
  const sub = await mqtt.connectAsync(`mqtt://127.0.0.1:${sys.sub.port}`, { clientId: `bench-sub-${process.pid}`, reconnectPeriod: 0, keepalive: 60 });
  await sub.subscribeAsync(sys.sub.filter, { qos: 1 });
  const c: Clients = {
    pub, sub,
    onMessage: () => {},
    async close() { await Promise.all([pub.endAsync(), sub.endAsync()]); },
  };
  sub.on('message', (_topic, payload) => c.onMessage(payload));
  return c;
}

function payload(size: number, run: number, i: number): Buffer {
  const p = Buffer.alloc(Math.max(16, size));
  p.writeUInt32LE(run, 0);
  p.writeUInt32LE(i, 4);
  p.writeDoubleLE(performance.now(), 8);
  return p;
}

async function settle(done: () => boolean, graceMs: number): Promise<void> {
  const end = performance.now() + graceMs;
  while (!done() && performance.now() < end) await new Promise((r) => setTimeout(r, 5));
}

export interface LatencyResult {
  latencies: number[];
  lost: number;
  duplicates: number;
}

/** Open loop at `rate` msg/s: publish-to-delivery time of each message. */
export async function measureLatency(c: Clients, sys: MqttSystem, rate: number, count: number, size: number, run: number, graceMs: number): Promise<LatencyResult> {
  const seen = new Uint8Array(count);
  const latencies: number[] = [];
  let duplicates = 0;
  c.onMessage = (p) => {
    if (p.readUInt32LE(0) !== run) return;
    const i = p.readUInt32LE(4);
    if (seen[i]) { duplicates++; return; }
    seen[i] = 1;
    latencies.push(performance.now() - p.readDoubleLE(8));
  };
  await paced(rate, count, (i) => { c.pub.publish(sys.pub.topic, payload(size, run, i), { qos: 1 }); });
  await settle(() => latencies.length >= count, graceMs);
  c.onMessage = () => {};
  return { latencies, lost: count - latencies.length, duplicates };
}

export interface ThroughputResult {
  delivered: number;
  lost: number;
  duplicates: number;
  seconds: number;
  msgPerSec: number;
}

/**
 * QoS 1 throughput: `count` messages with at most `window` publishes awaiting
 * their PUBACK; the time runs from the first publish to the last delivery.
 */
export async function measureThroughput(c: Clients, sys: MqttSystem, count: number, window: number, size: number, run: number, graceMs: number): Promise<ThroughputResult> {
  const seen = new Uint8Array(count);
  let delivered = 0;
  let duplicates = 0;
  let last = 0;
  c.onMessage = (p) => {
    if (p.readUInt32LE(0) !== run) return;
    const i = p.readUInt32LE(4);
    if (seen[i]) { duplicates++; return; }
    seen[i] = 1;
    delivered++;
    last = performance.now();
  };
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let acked = 0;
    const pump = (): void => {
      while (next < count && next - acked < window) {
        c.pub.publish(sys.pub.topic, payload(size, run, next++), { qos: 1 }, (err) => {
          if (err) return reject(err);
          acked++;
          if (acked === count) resolve(); else pump();
        });
      }
    };
    pump();
  });
  await settle(() => delivered >= count, graceMs);
  c.onMessage = () => {};
  const seconds = ((delivered > 0 ? last : performance.now()) - t0) / 1000;
  return { delivered, lost: count - delivered, duplicates, seconds, msgPerSec: delivered / seconds };
}
