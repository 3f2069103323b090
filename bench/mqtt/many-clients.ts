/**
 * A child process holding many MQTT clients (mqtt.js) on one broker: they all
 * connect, say "connected", and on a line on stdin all publish one QoS 1
 * message each at once (topic PREFIX/i, payload m-i), then print a JSON line
 * { acked, failed, ms } once every PUBACK (or error) is in.
 *
 *   node dist/bench/mqtt/many-clients.js PORT COUNT PREFIX
 */
import { createInterface } from 'node:readline';
import mqtt, { type MqttClient } from 'mqtt';

const [portText, countText, prefix = 'isthmus/up/devices'] = process.argv.slice(2);
const port = Number(portText);
const count = Number(countText);
if (!port || !count) {
  process.stderr.write('usage: many-clients PORT COUNT [PREFIX]\n');
  process.exit(2);
}

const clients: MqttClient[] = [];
// Connect in waves of 100 so the SYN backlog of the listener is not the thing measured.
for (let i = 0; i < count; i += 100) {
  const wave = Array.from({ length: Math.min(100, count - i) }, (_, j) => mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    clientId: `device-${i + j}`, reconnectPeriod: 0, connectTimeout: 30_000, keepalive: 120,
  }));
  clients.push(...await Promise.all(wave));
}
process.stdout.write('connected\n');

const lines = createInterface({ input: process.stdin });
lines.once('line', () => {
  void (async () => {
    const t0 = performance.now();
    const results = await Promise.allSettled(clients.map((c, i) => c.publishAsync(`${prefix}/${i}`, `m-${i}`, { qos: 1 })));
    const ms = performance.now() - t0;
    const failed = results.filter((r) => r.status === 'rejected').length;
    process.stdout.write(JSON.stringify({ acked: results.length - failed, failed, ms: Math.round(ms) }) + '\n');
    await Promise.all(clients.map((c) => c.endAsync()));
    process.exit(0);
  })();
});
