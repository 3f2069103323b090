/**
 * An embedded aedes broker on a TCP listener, with the hooks both faces need:
 * who may connect, what a client PUBLISH turns into (its PUBACK waits for the
 * hook), which filters a client may subscribe to, and the refusal mechanism
 * of refusal.ts.
 */
import net from 'node:net';
import { Aedes, type Client, type PublishPacket, type AuthenticateError } from 'aedes';
import type { Logger } from 'pino';
import { refusalRecord, type RefusalRecord } from './refusal.js';
import { guardPacketSize } from './packet-limit.js';
import { WriteHold } from './write-hold.js';
import { DirectPublish } from './direct-publish.js';
import { ownSocket } from './publish-write.js';
import { deliverInTurn } from './in-turn-delivery.js';
import { parsePublishDirect } from './publish-parse.js';

export interface BrokerHooks<Id> {
  /**
   * Checks CONNECT credentials: an identity for the client, or null to refuse
   * with CONNACK "bad user name or password".
   */
  authenticate(username: string | undefined, password: Buffer | undefined, clientId: string): Id | null;
  /**
   * A client's PUBLISH, called in the order packets arrive. Resolves once the
   * message is accepted (for QoS 1 the PUBACK follows); throws or rejects to
   * refuse it. Must start its work synchronously so that order holds.
   */
  publish(id: Id, packet: PublishPacket, clientId: string): Promise<void> | void;
  /** Why a client may not subscribe to filter, or null when it may. */
  forbidSubscribe(id: Id, filter: string): string | null;
  /** Where the refusal record of this client's PUBLISH goes. */
  errorsTopic(id: Id, topic: string): string;
  /** Told of each refusal, after the record is published. */
  refused?(id: Id, record: RefusalRecord): void;
}

export interface BrokerOptions<Id> {
  host: string;
  port: number;
  hooks: BrokerHooks<Id>;
  log: Logger;
  /** Ms a client may take to send CONNECT. */
  connectTimeoutMs?: number;
  /** Largest MQTT packet accepted; a connection announcing a larger one is closed before it is buffered. */
  maxPacketBytes: number;
  /** Told of each connection closed for an oversized packet. */
  oversized?: () => void;
}

export class MqttBroker<Id> {
  port = 0;
  private readonly ids = new WeakMap<Client, Id>();

  private readonly direct: DirectPublish;

  private constructor(readonly aedes: Aedes, private readonly server: net.Server, readonly host: string, private readonly log: Logger, private readonly hold: WriteHold) {
    this.direct = new DirectPublish(aedes);
  }

  static async start<Id>(o: BrokerOptions<Id>): Promise<MqttBroker<Id>> {
    const { hooks, log } = o;
    let broker: MqttBroker<Id> | null = null;
    const aedes = await Aedes.createBroker({
      connectTimeout: o.connectTimeoutMs ?? 10_000,
      // Deliveries in parallel before mqemitter queues them: its queue shifts an array, O(n) per message
      // once a burst is queued (12 % of a throughput run's CPU at the default of 100).
      concurrency: 1000,
      heartbeatInterval: 60_000,
      authenticate: (client, username, password, done) => {
        const id = hooks.authenticate(username, password, client.id);
        if (id === null) {
          log.warn({ clientId: client.id, username, remote: remoteOf(client) }, 'MQTT client refused: bad user name or password');
          const err = new Error('bad user name or password') as AuthenticateError;
          err.returnCode = 4;
          done(err, false);
          return;
        }
        broker!.ids.set(client, id);
        done(null, true);
      },
      authorizePublish: (client, packet, done) => {
        // The face's own publishes (client null) are never re-routed.
        if (!client) return done(null);
        const id = broker!.ids.get(client)!;
        // A retransmitted QoS 2 PUBLISH whose first copy aedes already holds (awaiting PUBREL) was
        // carried then: aedes only answers PUBREC again, and it must not be carried twice.
        if (packet.qos === 2 && packet.dup) {
          (aedes as unknown as AedesWithPersistence).persistence.incomingGetPacket(client, packet).then(() => done(null), () => broker!.carry(client, id, packet, done));
          return;
        }
        broker!.carry(client, id, packet, done);
      },

      authorizeSubscribe: (client, sub, done) => {
        const id = broker!.ids.get(client)!;
        const why = hooks.forbidSubscribe(id, sub.topic);
        if (why) {
          log.warn({ clientId: client.id, filter: sub.topic, reason: why }, 'MQTT subscription refused (SUBACK 0x80)');
          return done(null, null); // SUBACK failure code 0x80 for that filter
        }
        done(null, sub);
      },
    });
    const hold = new WriteHold();
    const server = net.createServer({ noDelay: true }, (socket) => {
      hold.watch(socket);
      ownSocket(socket); // PUBLISH out in one write (publish-write.ts)
      const client = aedes.handle(guardPacketSize(socket, o.maxPacketBytes, (announced) => {
        log.warn({ remote: `${socket.remoteAddress}:${socket.remotePort}`, announced, limit: o.maxPacketBytes }, 'MQTT packet over the size limit; connection closed before buffering it');
        o.oversized?.();
      }));
      deliverInTurn(client); // QoS 1 to a clean session written in the publish's turn (in-turn-delivery.ts)
      parsePublishDirect(client); // PUBLISH in without mqtt-packet's BufferList (publish-parse.ts)
    });
    broker = new MqttBroker<Id>(aedes, server, o.host, log, hold);
    broker.hooks = hooks;
    aedes.on('clientError', (client, err) => log.debug({ clientId: client.id, err: err.message }, 'MQTT client error'));
    aedes.on('connectionError', (_client, err) => log.debug({ err: err.message }, 'MQTT connection error'));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err) => {
        aedes.close();
        reject(new Error(`MQTT: cannot listen on ${o.host}:${o.port}: ${err.message}`));
      });
      server.listen(o.port, o.host, () => resolve());
    });
    broker.port = (server.address() as net.AddressInfo).port;
    return broker;
  }

  private hooks!: BrokerHooks<Id>;

  /** Hands a client's PUBLISH to the hook; done(null) lets aedes acknowledge it, a refusal closes the client. */
  private carry(client: Client, id: Id, packet: PublishPacket, done: (error?: Error | null) => void): void {
    let pending: Promise<void> | void;
    try {
      pending = this.hooks.publish(id, packet, client.id);
    } catch (err) {
      this.refuse(client, id, packet, err, done);
      return;
    }
    if (pending) pending.then(() => done(null), (err: unknown) => this.refuse(client, id, packet, err, done));
    else done(null);
  }

  /** The broker's own publishes that skipped aedes.publish()'s queueing steps (direct-publish.ts). */
  get directPublishes(): number {
    return this.direct.taken;
  }

  /** MQTT clients connected now. */
  get clients(): number {
    return this.aedes.connectedClients;
  }

  /** mqtt://host:port (127.0.0.1 for a wildcard host). */
  get url(): string {
    const host = this.host === '0.0.0.0' || this.host === '::' ? '127.0.0.1' : this.host;
    return `mqtt://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  /** Publishes as the broker itself (never routed back across the link). */
  publish(topic: string, payload: Buffer, qos: 0 | 1, retain: boolean): Promise<void> {
    return new Promise((resolve, reject) => this.forward(topic, payload, qos, retain, (err) => (err ? reject(err) : resolve())));
  }

  /** publish() without a promise, for the per-message path: done(err) once aedes has handed it on. */
  forward(topic: string, payload: Buffer, qos: 0 | 1, retain: boolean, done: (err?: Error) => void): void {
    this.hold.publishing();
    if (this.direct.publish(topic, payload, qos, retain, done)) return;
    this.aedes.publish({ cmd: 'publish', topic, payload, qos, retain, dup: false }, done);
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => this.aedes.close(() => r()));
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /**
   * The refusal: the error record goes out first (the publisher itself may
   * subscribe to it), then aedes closes the connection without a PUBACK.
   */
  private refuse(client: Client, id: Id, packet: PublishPacket, err: unknown, done: (error?: Error | null) => void): void {
    const record = refusalRecord(err, packet, client.id);
    this.log.warn({ clientId: client.id, topic: packet.topic, code: record.code, reason: record.reason }, 'MQTT publish refused; closing that client\'s connection');
    this.hooks.refused?.(id, record);
    const topic = this.hooks.errorsTopic(id, packet.topic);
    this.publish(topic, Buffer.from(JSON.stringify(record)), 0, false).then(
      // One more turn so the record's write reaches the socket before aedes destroys it (and out
      // of a burst's hold: a corked record would be discarded with the socket).
      () => setImmediate(() => {
        this.hold.flush(client.conn as net.Socket);
        done(new Error(`${record.code}: ${record.reason}`));
      }),
      () => done(new Error(`${record.code}: ${record.reason}`)),
    );
  }
}

/** aedes keeps its persistence on the instance; its typings do not say so. */
interface AedesWithPersistence {
  persistence: { incomingGetPacket(client: Client, packet: PublishPacket): Promise<unknown> };
}

function remoteOf(client: Client): string | undefined {
  const c = client.conn as net.Socket;
  return c.remoteAddress ? `${c.remoteAddress}:${c.remotePort}` : undefined;
}
