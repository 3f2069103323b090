/**
 * A QoS 1 delivery to a clean-session client written in the turn the message
 * is published, instead of from a setImmediate.
 *
 * aedes' deliverQoS (lib/client.js) defers every QoS > 0 delivery to a
 * setImmediate "to clear stacks". On the edge that puts the write to the
 * subscriber after everything else the link does in the frame's turn (the
 * inbox's bookkeeping, the commit's scheduling, the ack clock) and after one
 * more pass of the event loop. Here the same steps run at once, for a client
 * with a clean session (nothing to store before the write): the no-local and
 * duplicate checks, authorizeForward, the packet with the client's next
 * message id, the subscription's QoS cap, and aedes' write with its
 * back-pressure wait. The stack cannot grow with a burst: the completion
 * callback still runs from the write's own setImmediate (or the drain).
 * Persistent sessions keep aedes' own function (outgoingUpdate before the write).
 */
import { createRequire } from 'node:module';
import mqttPacket from 'mqtt-packet';
import type { Aedes, Client, PublishPacket } from 'aedes';

type PacketClass = new (original: Partial<PublishPacket> & { topic: string }, broker: Aedes) => PublishPacket & { writeCallback?: () => void };
const require = createRequire(createRequire(import.meta.url).resolve('aedes'));
const Packet = require('aedes-packet') as PacketClass;

type Deliver = (packet: PublishPacket & ForwardFields, cb: () => void) => void;

interface ForwardFields { brokerId?: string; brokerCounter?: number; clientId?: string; nl?: boolean }

/** The parts of an aedes client this uses; its typings do not list them. */
interface ClientInside {
  id: string;
  clean: boolean;
  connecting: boolean;
  connected: boolean;
  errored: boolean;
  conn: NodeJS.WritableStream;
  broker: Aedes & { authorizeForward(client: Client, packet: PublishPacket): PublishPacket | null | undefined };
  subscriptions: Record<string, { qos?: number } | undefined>;
  duplicates: Record<string, number>;
  _nextId: number;
  deliverQoS: Deliver;
  deliver0: Deliver;
  waitForDrain(done: (err?: Error | null) => void): void;
  emit(event: 'error', err: Error): boolean;
}

/** Replaces a new client's QoS > 0 delivery function (before it subscribes: aedes takes it at SUBSCRIBE). */
export function deliverInTurn(client: Client): void {
  const c = client as unknown as ClientInside;
  const deferred = c.deliverQoS;
  c.deliverQoS = function deliverQoSInTurn(original, cb) {
    if (original.qos === 0 || !c.clean) return deferred(original, cb);
    // aedes' getToForwardPacket: MQTT 5 no-local, the per-broker duplicate check, authorizeForward.
    if (original.clientId === c.id && original.nl) return void setImmediate(cb);
    if (!fresh(c, original)) return void setImmediate(cb);
    const toForward = c.broker.authorizeForward(client, original);
    if (!toForward) return void setImmediate(cb);
    const packet = new Packet(toForward, c.broker);
    // aedes' QoSPacket: the message id of the original when it has one, else the client's next.
    if (!toForward.messageId) {
      packet.messageId = c._nextId;
      c._nextId = c._nextId >= 65535 ? 1 : c._nextId + 1;
    } else {
      packet.messageId = toForward.messageId;
    }
    const sub = c.subscriptions[packet.topic];
    if (sub && (sub.qos || 0) < packet.qos) packet.qos = sub.qos as 0 | 1 | 2;
    write(c, packet, (err) => {
      if (err) c.emit('error', err);
      cb(); // never the error: mqemitter would throw it
    });
  };
}

function fresh(c: ClientInside, packet: ForwardFields): boolean {
  const id = packet.brokerId;
  if (!id) return true;
  const counter = packet.brokerCounter ?? 0;
  if ((c.duplicates[id] || 0) >= counter) return false;
  c.duplicates[id] = counter;
  return true;
}

/** aedes' lib/write.js: the packet to the socket, done once it is taken (or after the drain). */
function write(c: ClientInside, packet: PublishPacket, done: (err: Error | null) => void): void {
  let error: Error | null = null;
  if (c.connecting || c.connected) {
    try {
      const ok = (mqttPacket as unknown as { writeToStream(p: unknown, s: unknown): boolean }).writeToStream(packet, c.conn);
      if (!ok && !c.errored) {
        c.waitForDrain((err) => done(err ?? null));
        return;
      }
    } catch {
      error = new Error('packet received not valid');
    }
  } else {
    error = new Error('connection closed');
  }
  setImmediate(done, error);
}
