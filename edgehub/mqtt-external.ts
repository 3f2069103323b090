/**
 * External-broker mode: the edge's local side is an existing broker (e.g. the
 * site's Mosquitto), reached with the `mqtt` client as one persistent session
 * (clean=false, so the broker keeps QoS 1 messages for the edge hub while it
 * is down). MQTT 5 is used for two subscription options: no-local (the
 * hub's own down publishes never come back up, whatever the rules) and
 * retain-as-published (a retained publish maps onto the state lane).
 *
 * A QoS 1 message is acknowledged to the broker only once the edge's outbox
 * holds it durably. A refusal publishes an error record on the errors topic;
 * a passing one (outbox or disk full, hub closing) leaves the message
 * unacknowledged and drops the connection, so the broker redelivers it after
 * the reconnect (backpressure into the broker's queue); a permanent one (bad
 * input) is acknowledged so that it is not redelivered forever.
 */
import mqtt, { type MqttClient, type IPublishPacket } from 'mqtt';
import type { Logger } from 'pino';
import { refusalRecord, type RefusalRecord } from '../mqtt/index.js';
import type { EdgeMqttConfig } from './mqtt-config.js';
import type { LocalSide } from './mqtt-face.js';

const PASSING = new Set(['QUEUE_FULL', 'STORE_FULL', 'CLOSED', 'INTERNAL']);

export class ExternalBroker implements LocalSide {
  readonly clients = 0;

  private constructor(private readonly client: MqttClient, readonly url: string) {}

  static async start(
    config: EdgeMqttConfig,
    up: (topic: string, payload: Buffer, retain: boolean) => Promise<void>,
    refused: (record: RefusalRecord) => void,
    log: Logger,
  ): Promise<ExternalBroker> {
    const url = config.broker!;
    const client = mqtt.connect(url, {
      clientId: config.clientId,
      clean: false,
      protocolVersion: 5,
      properties: { sessionExpiryInterval: 0xffffffff }, // MQTT 5: keep the session while the hub is down
      username: config.username,
      password: config.password,
      reconnectPeriod: 1_000,
      connectTimeout: 10_000,
      resubscribe: true,
    });
    const subscribe = (): void => {
      const subs = Object.fromEntries(config.up.map((r) => [r.filter, { qos: r.qos, nl: true, rap: true }]));
      if (Object.keys(subs).length === 0) return;
      client.subscribe(subs, (err) => { if (err) log.error({ err: err.message }, 'external MQTT broker refused a subscription'); });
    };
    client.on('connect', (ack) => {
      // Each reconnect makes a new socket. mqtt.js leaves Nagle on: a QoS 0 publish (no reply to
      // carry the broker's ACK) written behind another would wait for the delayed ACK, up to 40 ms.
      (client.stream as { setNoDelay?: (on: boolean) => unknown }).setNoDelay?.(true);
      log.info({ url, sessionPresent: ack.sessionPresent }, 'connected to the external MQTT broker');
      if (!ack.sessionPresent) subscribe();
    });
    client.on('error', (err) => log.warn({ url, err: err.message }, 'external MQTT broker error'));
    client.on('offline', () => log.warn({ url }, 'external MQTT broker unreachable; reconnecting'));
    // The PUBACK waits for the callback: called once the outbox made the message durable.
    client.handleMessage = (packet: IPublishPacket, done: (err?: Error) => void) => {
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload as Buffer;
      up(packet.topic, payload, packet.retain).then(() => done(), (err: unknown) => {
        const record = refusalRecord(err, packet, config.clientId);
        log.warn({ topic: packet.topic, code: record.code, reason: record.reason }, 'message from the external broker refused');
        refused(record);
        const passing = PASSING.has(record.code) && packet.qos > 0;
        // The record first; once it is written, no PUBACK and a dropped connection: the broker
        // redelivers after the reconnect (reconnectPeriod), by which time the outbox may have room.
        client.publish(config.errorsTopic, JSON.stringify(record), { qos: 0 }, () => { if (passing) client.stream.end(); }); // end(), not destroy(): the record is still corked
        if (!passing) done();
      });
    };
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { cleanup(); client.end(true); reject(new Error(`MQTT: cannot connect to the external broker ${url} within 10 s`)); }, 10_000);
      const ok = (): void => { cleanup(); resolve(); };
      const fail = (err: Error): void => {
        // Bad credentials never get better: fail at start. Others retry until the timer.
        if (/not authorized|bad user/i.test(err.message)) { cleanup(); client.end(true); reject(new Error(`MQTT: external broker ${url} refused the edge hub: ${err.message}`)); }
      };
      const cleanup = (): void => { clearTimeout(timer); client.off('connect', ok); client.off('error', fail); };
      client.once('connect', ok);
      client.on('error', fail);
    });
    return new ExternalBroker(client, url);
  }

  publish(topic: string, payload: Buffer, qos: 0 | 1, retain: boolean): Promise<void> {
    return new Promise((resolve, reject) => this.forward(topic, payload, qos, retain, (err) => (err ? reject(err) : resolve())));
  }

  forward(topic: string, payload: Buffer, qos: 0 | 1, retain: boolean, done: (err?: Error) => void): void {
    this.client.publish(topic, payload, { qos, retain }, (err) => done(err));
  }

  async close(): Promise<void> {
    // Gracefully, so PUBACKs already due are written (else the broker redelivers what the outbox
    // holds); forced after 2 s when the broker is unreachable.
    await new Promise<void>((r) => {
      const timer = setTimeout(() => this.client.end(true, {}, () => r()), 2_000);
      this.client.end(false, {}, () => { clearTimeout(timer); r(); });
    });
  }
}
