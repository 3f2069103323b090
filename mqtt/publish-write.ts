/**
 * An outgoing PUBLISH as one buffer and one socket write, on the sockets of
 * our embedded brokers.
 *
 * aedes writes every packet with mqtt-packet's writeToStream, which corks the
 * socket, makes six stream.write() calls for a PUBLISH (header byte, length,
 * topic length, topic string, message id, payload), and uncorks on the next
 * tick: six buffered stream entries, a string-to-Buffer conversion, a
 * process.nextTick and a writev of six chunks per delivered message. At low
 * rates that runs on a cold CPU for every message, on the path from the link
 * to the edge subscriber.
 *
 * Here a PUBLISH of a small payload is encoded into one buffer (the same bytes:
 * MQTT 3.1.1 layout, which is what aedes asks for, as it passes no protocol
 * options) and written with one socket.write(): a plain write syscall in the
 * same turn. Anything else (other packet types, a large payload that would be
 * copied, an odd packet that mqtt-packet itself must judge) takes mqtt-packet's
 * own path, unchanged. Bursts still leave in one write per subscriber through
 * the broker's write hold (write-hold.ts), which corks around socket.write.
 *
 * The patch is on mqtt-packet's module object (aedes reads
 * `mqtt.writeToStream` at each call) and applies only to the sockets a broker
 * registers with own(): mqtt.js clients in the same process keep the original.
 */
import mqttPacket from 'mqtt-packet';
import type { Writable } from 'node:stream';

/** Payloads up to this size are copied into the packet's buffer; larger ones keep mqtt-packet's writev (no copy). */
export const SINGLE_WRITE_MAX_PAYLOAD = 4096;
/** MQTT's largest remaining length (a four-byte variable integer). */
const MAX_REMAINING = 268_435_455;

interface PublishLike {
  cmd: string;
  topic?: unknown;
  payload?: unknown;
  qos?: number;
  dup?: boolean;
  retain?: boolean;
  messageId?: number;
}

type WriteToStream = (packet: PublishLike, stream: Writable, opts?: unknown) => boolean;

const owned = new WeakSet<object>();
let installed = false;

/** The sockets whose PUBLISH packets go out in one write (a broker's accepted connections). */
export function ownSocket(socket: Writable): void {
  if (!installed) install();
  owned.add(socket);
}

/**
 * A PUBLISH as MQTT 3.1.1 bytes in one buffer, or null when mqtt-packet's own
 * path should handle it (a non-string topic, a non-Buffer or large payload,
 * a QoS or message id it would reject).
 */
export function encodePublish(p: PublishLike): Buffer | null {
  const topic = p.topic;
  const payload = p.payload;
  if (typeof topic !== 'string' || !Buffer.isBuffer(payload) || payload.length > SINGLE_WRITE_MAX_PAYLOAD) return null;
  const qos = p.qos || 0;
  if (qos !== 0 && qos !== 1 && qos !== 2) return null;
  const id = p.messageId;
  if (qos > 0 && (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 0xffff)) return null;
  const topicBytes = Buffer.byteLength(topic);
  if (topicBytes > 0xffff) return null;
  const remaining = 2 + topicBytes + (qos > 0 ? 2 : 0) + payload.length;
  if (remaining > MAX_REMAINING) return null;
  const lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
  const buf = Buffer.allocUnsafe(1 + lengthBytes + remaining);
  buf[0] = 0x30 | (p.dup ? 0x08 : 0) | (qos << 1) | (p.retain ? 0x01 : 0);
  let at = 1;
  let n = remaining;
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    buf[at++] = b;
  } while (n > 0);
  buf[at++] = topicBytes >> 8;
  buf[at++] = topicBytes & 0xff;
  at += buf.write(topic, at, 'utf8');
  if (qos > 0) {
    buf[at++] = id! >> 8;
    buf[at++] = id! & 0xff;
  }
  payload.copy(buf, at);
  return buf;
}

function install(): void {
  installed = true;
  const exports = mqttPacket as unknown as { writeToStream: WriteToStream & { cacheNumbers?: boolean } };
  const original = exports.writeToStream;
  const single = function writeToStream(packet: PublishLike, stream: Writable, opts?: unknown): boolean {
    if (packet.cmd === 'publish' && opts === undefined && owned.has(stream)) {
      const buf = encodePublish(packet);
      if (buf) return stream.write(buf);
    }
    return original(packet, stream, opts);
  };
  // mqtt.js sets writeToStream.cacheNumbers; it must keep reaching the original.
  Object.defineProperty(single, 'cacheNumbers', {
    get: () => original.cacheNumbers,
    set: (v: boolean) => { original.cacheNumbers = v; },
  });
  exports.writeToStream = single;
}
