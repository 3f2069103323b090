/**
 * The edge's local MQTT face: devices publish to the local broker and what
 * up rules match goes to the cloud; what the cloud sends (kind "mqtt") is
 * published locally where down rules say. The local side is the embedded
 * aedes broker or an external broker (mqtt-external.ts).
 *
 * A local QoS 1 PUBACK is sent only once the edge's outbox holds the message
 * durably; a refusal closes the publisher's connection after an error record
 * on the errors topic (mqtt/refusal.ts).
 */
import type { Logger } from 'pino';
import type { InboundMessage, Receipt, ResourceCache, SendInput } from '../link/index.js';
import {
  isMqttMessage, laneOf, MqttBroker, MqttCounters, payloadBuffer, retainOf, samePassword, toSendInput, type MqttCounter, type MqttStats,
} from '../mqtt/index.js';
import type { EdgeMqttConfig, ResolvedRule } from './mqtt-config.js';
import { routeDown, routeUp } from './mqtt-rules.js';
// mqtt-external.js (the `mqtt` client package, ~8 MB of RSS) loads only in external-broker mode.

/** What the face needs of the edge hub. */
export interface EdgeMqttHost {
  publish(input: SendInput): Promise<Receipt>;
  /** The newest state-lane message per key, durable: retained topics survive a restart through it. */
  readonly resources: ResourceCache;
  on(event: 'message', listener: (m: InboundMessage) => void): unknown;
  off(event: 'message', listener: (m: InboundMessage) => void): unknown;
}

/** The local side's surface: the embedded broker or the external one. */
export interface LocalSide {
  publish(topic: string, payload: Buffer, qos: 0 | 1, retain: boolean): Promise<void>;
  /** publish() without a promise (the per-message path): done(err) once handed on. */
  forward(topic: string, payload: Buffer, qos: 0 | 1, retain: boolean, done: (err?: Error) => void): void;
  readonly clients: number;
  readonly url: string;
  close(): Promise<void>;
}

/** A topic of up to 64 KiB and the PUBLISH header beside the largest payload the link carries. */
const PACKET_OVERHEAD = 65_536 + 16;

export class EdgeMqtt {
  private readonly counters = new MqttCounters();
  /** Each rule's counter, looked up once: counting is a field increment per message. */
  private readonly ruleCounters = new Map<ResolvedRule, MqttCounter>();
  private readonly unmatchedSeen = new Set<string>();
  private local!: LocalSide;
  private readonly onMessage = (m: InboundMessage): void => this.down(m);

  private constructor(private readonly host: EdgeMqttHost, readonly config: EdgeMqttConfig, private readonly log: Logger) {
    for (const r of config.up) this.ruleCounters.set(r, this.counters.counter(r.name, 'up'));
    for (const r of config.down) this.ruleCounters.set(r, this.counters.counter(r.name, 'down'));
  }

  static async start(host: EdgeMqttHost, config: EdgeMqttConfig, log: Logger, maxPayloadBytes: number): Promise<EdgeMqtt> {
    const face = new EdgeMqtt(host, config, log.child({ face: 'mqtt' }));
    const up = (topic: string, payload: Buffer, retain: boolean): Promise<void> => face.up(topic, payload, retain);
    if (config.broker) {
      const { ExternalBroker } = await import('./mqtt-external.js');
      face.local = await ExternalBroker.start(config, up, (record) => face.counters.refusal(record.code), face.log);
    } else {
      const users = config.users;
      face.local = await MqttBroker.start<string>({
        host: config.host, port: config.port, log: face.log,
        maxPacketBytes: maxPayloadBytes + PACKET_OVERHEAD,
        oversized: () => face.counters.refusal('PACKET_TOO_LARGE'),
        hooks: {
          authenticate: (username, password) => {
            if (!users) return username ?? '';
            const want = username === undefined ? undefined : users.get(username);
            return want !== undefined && password !== undefined && samePassword(password, want) ? username! : null;
          },
          publish: (_id, packet) => up(packet.topic, packet.payload as Buffer, packet.retain),
          forbidSubscribe: () => null, // the local broker belongs to the site: any local topic
          errorsTopic: () => config.errorsTopic,
          refused: (_id, record) => face.counters.refusal(record.code),
        },
      });
    }
    await face.restoreRetained();
    host.on('message', face.onMessage);
    face.log.info({ url: face.local.url, external: !!config.broker, up: config.up.map((r) => r.filter), down: config.down.map((r) => r.filter) }, 'MQTT face up');
    return face;
  }

  /** mqtt:// URL of the local broker (embedded or external). */
  get url(): string {
    return this.local.url;
  }

  /** Port of the embedded broker (0 in external mode). */
  get port(): number {
    return this.local instanceof MqttBroker ? this.local.port : 0;
  }

  stats(): MqttStats {
    return this.counters.stats(this.local.clients);
  }

  async close(): Promise<void> {
    this.host.off('message', this.onMessage);
    await this.local.close();
  }

  /** A local publish: carried to the cloud when an up rule matches, else it stays local. */
  private up(topic: string, payload: Buffer, retain: boolean): Promise<void> {
    const routed = routeUp(this.config.up, topic);
    if (!routed) {
      this.unmatched(topic, 'up');
      return Promise.resolve();
    }
    const c = this.ruleCounters.get(routed.rule)!;
    const lane = laneOf(retain, routed.rule.lane);
    let sent: Promise<Receipt>;
    try {
      sent = this.host.publish(toSendInput(routed.to, payload, retain, lane));
    } catch (err) {
      c.refused++;
      return Promise.reject(err);
    }
    return sent.then(() => { c.messages++; c.bytes += payload.length; }, (err: unknown) => { c.refused++; throw err; });
  }

  /** A message from the cloud: published locally when it is MQTT and a down rule matches. */
  private down(m: InboundMessage): void {
    if (!isMqttMessage(m)) return;
    const routed = routeDown(this.config.down, m.key);
    if (!routed) {
      this.unmatched(m.key, 'down');
      return;
    }
    const c = this.ruleCounters.get(routed.rule)!;
    const payload = payloadBuffer(m);
    c.messages++;
    c.bytes += payload.length;
    this.local.forward(routed.to, payload, routed.rule.qos, retainOf(m), (err) => {
      if (!err) return;
      c.refused++;
      this.log.warn({ topic: routed.to, id: m.id, err: err.message }, 'local MQTT publish failed');
    });
  }

  /**
   * Retained topics from the cloud (state lane) live in the edge's durable
   * resource cache; the local broker's retained store is memory. Publishing
   * them again at start means a subscriber after a restart still gets the
   * newest state of every topic, even while the link is down.
   */
  private async restoreRetained(): Promise<void> {
    let n = 0;
    for (const m of this.host.resources.list('')) {
      if (!isMqttMessage(m) || m.op === 'delete') continue;
      const routed = routeDown(this.config.down, m.key);
      if (!routed) continue;
      await this.local.publish(routed.to, payloadBuffer(m), routed.rule.qos, true);
      n++;
    }
    if (n) this.log.info({ topics: n }, 'retained topics restored from the resource cache');
  }

  private unmatched(topic: string, direction: 'up' | 'down'): void {
    this.counters.unmatched++;
    const k = `${direction} ${topic}`;
    if (this.unmatchedSeen.size < 1000 && !this.unmatchedSeen.has(k)) {
      this.unmatchedSeen.add(k);
      this.log.debug({ topic, direction }, 'no MQTT rule matches; not carried');
    }
  }
}

