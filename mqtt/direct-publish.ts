/**
 * The face's own publishes (what came over the link) handed straight to
 * aedes' subscription matcher when nothing else in aedes.publish() has work
 * to do. aedes.publish() runs a series of steps for a QoS 1 packet: store it
 * when retained, look up the persistent sessions subscribed to its topic and
 * queue it for each of them (two promise hops and a second topic match in the
 * persistence), hand it to mqemitter, call the `published` hook. With no
 * persistent session subscribed at QoS > 0 the lookup finds nothing, yet it
 * cost ~40 µs of the ~90 µs from the edge face to the subscriber's socket at
 * 200 msg/s (hop timestamps, bench/README.md, MQTT).
 *
 * So a publish goes direct only when it is not retained and no client of this
 * broker holds a persistent (clean session false) QoS > 0 subscription: the
 * steps skipped then do nothing. The set of such clients is kept from the
 * persistence's own calls (a client enters it when aedes stores a QoS > 0
 * subscription of its session, and leaves it only when its session is wiped),
 * so it can only be larger than the truth: a doubt takes the full path. (The
 * broker's persistence is aedes' in-memory one, empty at start: no session
 * exists that the set has not seen.)
 * Delivery itself (per-client QoS, message ids, inflight, the write) stays
 * aedes' own: mqemitter calls each subscriber's deliver function as it would.
 */
import { createRequire } from 'node:module';
import type { Aedes, Client, PublishPacket, Subscription } from 'aedes';

/** aedes' packet class (aedes-packet), from aedes' own dependencies: the same class aedes.publish() makes. */
type PacketClass = new (original: Partial<PublishPacket> & { topic: string }, broker: Aedes) => PublishPacket;
const require = createRequire(createRequire(import.meta.url).resolve('aedes'));
const Packet = require('aedes-packet') as PacketClass;

/** The parts of aedes the direct path uses; its typings do not list them. */
interface AedesInside {
  mq: { emit(packet: PublishPacket, done: (err?: Error) => void): void };
  published(packet: PublishPacket, client: Client | null, done: (err?: Error | null) => void): void;
  maxTopicLevels: number;
  persistence: {
    addSubscriptions(client: Client, subs: Subscription[]): Promise<void>;
    cleanSubscriptions(client: Client): Promise<void>;
  };
}

export class DirectPublish {
  /** Clients whose persistent session may hold a QoS > 0 subscription. */
  private readonly persistent = new Set<string>();
  private readonly inside: AedesInside;
  /** Publishes that went direct (tests and diagnostics). */
  taken = 0;

  constructor(private readonly aedes: Aedes) {
    const inside = aedes as unknown as AedesInside;
    this.inside = inside;
    const p = inside.persistence;
    const add = p.addSubscriptions.bind(p);
    const clean = p.cleanSubscriptions.bind(p);
    // aedes stores subscriptions in its persistence for clean-session-false clients only.
    p.addSubscriptions = (client, subs) => {
      if (subs.some((s) => s.qos > 0)) this.persistent.add(client.id);
      return add(client, subs);
    };
    p.cleanSubscriptions = (client) => {
      // Left at once, not when the wipe resolves: a persistent SUBSCRIBE of the same client id
      // that lands meanwhile must stay counted. A message that goes direct during the wipe would
      // only have been queued for the session being wiped.
      this.persistent.delete(client.id);
      return clean(client);
    };
  }

  /** Publishes as the broker itself; false when the full path (aedes.publish) is needed. */
  publish(topic: string, payload: Buffer, qos: 0 | 1, retain: boolean, done: (err?: Error) => void): boolean {
    if (retain || this.persistent.size > 0 || levels(topic) > this.inside.maxTopicLevels) return false;
    this.taken++;
    const packet = new Packet({ cmd: 'publish', topic, payload, qos, retain: false, dup: false }, this.aedes);
    const aedes = this.aedes;
    const inside = this.inside;
    inside.mq.emit(packet, (err) => {
      if (err) return done(err);
      inside.published(packet, null, (e) => done(e ?? undefined));
      if (aedes.listenerCount('publish') > 0) aedes.emit('publish', packet, null);
    });
    return true;
  }
}

/** Topic levels as aedes counts them (its limit guards qlobber's throw). */
function levels(topic: string): number {
  let n = 1;
  for (let i = 0; i < topic.length; i++) if (topic.charCodeAt(i) === 47) n++;
  return n;
}
