/**
 * Incoming PUBLISH packets read straight from the socket's chunk, before
 * mqtt-packet's general parser.
 *
 * aedes hands every chunk it reads to mqtt-packet's parser: a state machine
 * that appends the chunk to a BufferList, reads the header, the length, the
 * topic and the message id through it (each a lookup of the buffer holding
 * that offset), slices the payload out of it and consumes it again. For a
 * PUBLISH at the cloud face that is on the path from the controller to the
 * link, and at low rates it runs cold for every message.
 *
 * Here, while the parser holds nothing (no partial packet from an earlier
 * chunk, no error), the whole PUBLISH packets at the start of a chunk are
 * decoded directly into the parser's own Packet objects, with the same fields
 * (cmd, retain, qos, dup, length, topic, messageId for QoS > 0, payload: a
 * view of the chunk, as the parser's slice of a single buffer is) and emitted
 * as the parser's 'packet' event, in order, synchronously, as its loop does.
 * The first byte that is anything else (another packet type, a packet cut off
 * at the chunk's end, flags or lengths the parser must judge and reject, an
 * MQTT 5 connection, whose PUBLISH carries properties) goes, with the rest of
 * the chunk, to mqtt-packet's parser unchanged.
 */
import { createRequire } from 'node:module';
import type { Client } from 'aedes';

type PacketClass = new () => MqttPacketFields;
interface MqttPacketFields {
  cmd: string | null;
  retain: boolean;
  qos: number;
  dup: boolean;
  length: number;
  topic: string | null;
  payload: Buffer | null;
  messageId?: number;
}

/** mqtt-packet's Packet class, the one its parser makes (resolved from aedes' own dependency). */
const require = createRequire(createRequire(createRequire(import.meta.url).resolve('aedes')).resolve('mqtt-packet'));
const Packet = require('./packet.js') as PacketClass;

/** The parts of mqtt-packet's parser this reads; its typings do not list them. */
interface ParserInside {
  parse(buf: Buffer): number;
  emit(event: 'packet', packet: MqttPacketFields): boolean;
  error: Error | null;
  _list: { length: number };
  _stateCounter: number;
  settings: { protocolVersion?: number };
}

/** Puts the direct PUBLISH decoding in front of a new aedes client's parser. */
export function parsePublishDirect(client: Client): void {
  const parser = (client as unknown as { _parser: ParserInside })._parser;
  const general = parser.parse.bind(parser);
  parser.parse = function parseDirect(buf: Buffer): number {
    if (parser.error || parser._list.length !== 0 || parser._stateCounter !== 0 || parser.settings.protocolVersion === 5) return general(buf);
    const at = emitPublishes(parser, buf);
    if (at === buf.length) return 0;
    return general(at === 0 ? buf : buf.subarray(at));
  };
}

/**
 * Emits the whole PUBLISH packets at the start of buf; returns the offset of
 * the first byte it left to the general parser.
 */
export function emitPublishes(parser: { emit(event: 'packet', packet: MqttPacketFields): boolean }, buf: Buffer): number {
  let at = 0;
  while (at < buf.length) {
    const packet = decodePublish(buf, at);
    if (packet === null) break;
    at = packet.end;
    parser.emit('packet', packet.packet);
  }
  return at;
}

/** One whole PUBLISH at buf[at], as mqtt-packet's parser would make it, or null for anything it should judge. */
export function decodePublish(buf: Buffer, at: number): { packet: MqttPacketFields; end: number } | null {
  const first = buf[at]!;
  if (first >> 4 !== 3) return null; // not a PUBLISH
  const qos = (first >> 1) & 3;
  if (qos === 3) return null; // the parser's error
  // Remaining length: a variable byte integer of 1 to 4 bytes.
  let length = 0;
  let mul = 1;
  let i = at + 1;
  for (;;) {
    if (i >= buf.length) return null; // cut off
    const b = buf[i++]!;
    length += (b & 0x7f) * mul;
    if ((b & 0x80) === 0) break;
    mul *= 128;
    if (mul > 128 ** 3) return null; // a fifth length byte: the parser's error
  }
  const end = i + length;
  if (end > buf.length) return null; // cut off
  const idBytes = qos > 0 ? 2 : 0;
  if (length < 2) return null;
  const topicLength = (buf[i]! << 8) | buf[i + 1]!;
  const topicEnd = i + 2 + topicLength;
  if (topicEnd + idBytes > end) return null; // malformed: the parser's own reading of it
  const packet = new Packet();
  packet.cmd = 'publish';
  packet.retain = (first & 0x01) !== 0;
  packet.qos = qos;
  packet.dup = (first & 0x08) !== 0;
  packet.length = length;
  packet.topic = buf.toString('utf8', i + 2, topicEnd);
  if (qos > 0) packet.messageId = (buf[topicEnd]! << 8) | buf[topicEnd + 1]!;
  packet.payload = buf.subarray(topicEnd + idBytes, end);
  return { packet, end };
}
