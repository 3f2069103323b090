/**
 * The cloud hub's northbound MQTT face: an embedded aedes broker where
 * controllers publish to isthmus/nodes/NODE/down/... (carried to NODE) and
 * subscribe to isthmus/nodes/+/up/# (what edges sent).
 *
 * Credentials are required: controllers log in with the face's user name and
 * password (full rights); an edge's own node token works too, with the node
 * name as user name, and gives rights under isthmus/nodes/NODE/ only.
 *
 * A QoS 1 PUBACK is sent only once the hub's outbox holds the message
 * durably (`await hub.send`). A refusal (lane full, disk full, policy, bad
 * input) is made visible to an MQTT 3.1.1 publisher as described in
 * mqtt/refusal.ts: an error record on isthmus/nodes/NODE/errors, then the
 * connection is closed without a PUBACK.
 */
import type { Logger } from 'pino';
import type { PublishPacket } from 'aedes';
import { isNodeName, type Delivery, type InboundMessage, type LaneName, type Receipt, type SendInput } from '../link/index.js';
import {
  isMqttMessage, laneOf, MqttBroker, MqttCounters, MqttRefusal, payloadBuffer, retainOf, samePassword, toSendInput, topicMatches, type MqttStats,
} from '../mqtt/index.js';
import type { CloudMqttConfig } from './mqtt-config.js';
import { errorsTopic, filterOwnedBy, GLOBAL_ERRORS, NODES_ROOT, parseNodeTopic, receiptsTopic, upTopic } from './mqtt-topics.js';

/** Who a client is: a controller (any node's topics) or one edge node (its own topics only). */
export type MqttIdentity = { role: 'controller' } | { role: 'node'; node: string };

/** What the face needs of the cloud hub. */
export interface CloudMqttHost {
  send(node: string, input: SendInput): Promise<Receipt>;
  on(event: 'message', listener: (node: string, m: InboundMessage) => void): unknown;
  off(event: 'message', listener: (node: string, m: InboundMessage) => void): unknown;
  /** The node a token is valid for, or null. */
  verifyNodeToken(token: string): string | null;
}

export interface ReceiptRecord {
  id: string;
  topic: string;
  clientId: string;
  messageId: number | null;
  lane: LaneName;
  seq: number;
  status: Delivery['status'];
  reason?: string;
}

const CONTROLLER: MqttIdentity = { role: 'controller' };
/** A topic of up to 64 KiB and the PUBLISH header beside the largest payload the link carries. */
const PACKET_OVERHEAD = 65_536 + 16;

export class CloudMqtt {
  private readonly counters = new MqttCounters();
  /** The face's two routes, looked up once: counting is a field increment per message. */
  private readonly downCounter = this.counters.counter('down', 'down');
  private readonly upCounter = this.counters.counter('up', 'up');
  private broker!: MqttBroker<MqttIdentity>;
  private readonly onMessage = (node: string, m: InboundMessage): void => this.up(node, m);

  private constructor(private readonly host: CloudMqttHost, readonly config: CloudMqttConfig, readonly password: string, private readonly log: Logger) {}

  static async start(host: CloudMqttHost, config: CloudMqttConfig, password: string, log: Logger, maxPayloadBytes: number): Promise<CloudMqtt> {
    const face = new CloudMqtt(host, config, password, log.child({ face: 'mqtt' }));
    face.broker = await MqttBroker.start<MqttIdentity>({
      host: config.host, port: config.port, log: face.log,
      maxPacketBytes: maxPayloadBytes + PACKET_OVERHEAD,
        oversized: () => face.counters.refusal('PACKET_TOO_LARGE'),
      hooks: {
        authenticate: (username, pw) => face.authenticate(username, pw),
        publish: (id, packet, clientId) => face.down(id, packet, clientId),
        forbidSubscribe: (id, filter) => (id.role === 'node' && !filterOwnedBy(filter, id.node)
          ? `a node's credential subscribes under ${NODES_ROOT}${id.node}/ only` : null),
        errorsTopic: (_id, topic) => {
          const t = parseNodeTopic(topic);
          return t && isNodeName(t.node) ? errorsTopic(t.node) : GLOBAL_ERRORS;
        },
        refused: (_id, record) => face.counters.refusal(record.code),
      },
    });
    host.on('message', face.onMessage);
    face.log.info({ url: face.broker.url, receipts: config.receipts, anonymous: config.allowAnonymous }, 'MQTT northbound face up');
    return face;
  }

  get url(): string {
    return this.broker.url;
  }

  get port(): number {
    return this.broker.port;
  }

  stats(): MqttStats {
    return this.counters.stats(this.broker.clients);
  }

  async close(): Promise<void> {
    this.host.off('message', this.onMessage);
    await this.broker.close();
  }

  private authenticate(username: string | undefined, password: Buffer | undefined): MqttIdentity | null {
    if (this.config.allowAnonymous) return CONTROLLER;
    if (username === undefined || password === undefined) return null;
    if (username === this.config.username && samePassword(password, this.password)) return CONTROLLER;
    const node = this.host.verifyNodeToken(password.toString('utf8'));
    return node !== null && node === username ? { role: 'node', node } : null;
  }

  /** A client's PUBLISH: carried when it is a down topic, refused when policy forbids it, else plain broker traffic. */
  private down(id: MqttIdentity, packet: PublishPacket, clientId: string): Promise<void> | void {
    const t = parseNodeTopic(packet.topic);
    if (id.role === 'node' && (!t || t.node !== id.node)) {
      throw new MqttRefusal('FORBIDDEN', `node "${id.node}" may publish under ${NODES_ROOT}${id.node}/ only`);
    }
    if (!t) return; // controllers' own topics outside isthmus/nodes/: plain MQTT
    if (t.section === 'errors' || t.section === 'receipts') throw new MqttRefusal('FORBIDDEN', `${packet.topic} is published by the hub only`);
    if (t.section !== 'down') return; // e.g. a controller's test publish on an up topic: local only
    if (!isNodeName(t.node)) throw new MqttRefusal('INVALID_MESSAGE', `"${t.node}" in ${packet.topic} is not a node name`);
    if (!t.rest) throw new MqttRefusal('INVALID_MESSAGE', `${packet.topic} names no topic after down/`);
    const c = this.downCounter;
    const payload = packet.payload as Buffer;
    const lanes = this.config.lanes;
    const lane = laneOf(packet.retain, lanes.length ? lanes.find((r) => topicMatches(r.filter, t.rest))?.lane : undefined);
    let sent: Promise<Receipt>;
    try {
      sent = this.host.send(t.node, toSendInput(t.rest, payload, packet.retain, lane));
    } catch (err) {
      c.refused++;
      throw err;
    }
    return sent.then((receipt) => {
      c.messages++;
      c.bytes += payload.length;
      if (this.config.receipts) this.receipt(t.node, receipt, packet, clientId);
    }, (err: unknown) => { c.refused++; throw err; });
  }

  private receipt(node: string, receipt: Receipt, packet: PublishPacket, clientId: string): void {
    void receipt.delivered.then((d) => {
      const record: ReceiptRecord = {
        id: receipt.id, topic: packet.topic, clientId, messageId: packet.qos > 0 ? packet.messageId ?? null : null,
        lane: receipt.lane, seq: receipt.seq, status: d.status, ...(d.reason ? { reason: d.reason } : {}),
      };
      return this.broker.publish(receiptsTopic(node), Buffer.from(JSON.stringify(record)), this.config.qos, false);
    }).catch((err: Error) => this.log.warn({ node, err: err.message }, 'could not publish a receipt'));
  }

  /** A message from an edge: published on isthmus/nodes/NODE/up/KEY, retained when it rode the state lane. */
  private up(node: string, m: InboundMessage): void {
    if (!isMqttMessage(m)) return;
    if (!m.key || /[+#\u0000]/.test(m.key)) {
      this.counters.unmatched++;
      this.log.warn({ node, key: m.key, id: m.id }, 'MQTT message from the edge has no valid topic as key; not published');
      return;
    }
    const c = this.upCounter;
    const payload = payloadBuffer(m);
    c.messages++;
    c.bytes += payload.length;
    this.broker.forward(upTopic(node, m.key), payload, this.config.qos, retainOf(m), (err) => {
      if (!err) return;
      c.refused++;
      this.log.warn({ node, key: m.key, err: err.message }, 'MQTT publish of an edge message failed');
    });
  }
}
