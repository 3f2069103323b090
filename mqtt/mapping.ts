/**
 * How an MQTT PUBLISH becomes an Isthmus message and back. The mapping is the
 * same at both faces:
 *   topic       ↔ key (the remote topic: the part after the node's up/ or down/ prefix)
 *   payload     ↔ payload bytes, untouched (content type application/octet-stream)
 *   kind        = "mqtt" (only such messages are published by the faces)
 *   retain flag ↔ the state lane (retained on the far side; newest per topic)
 *   empty retained payload (clears a retained topic) ↔ op "delete"
 * The QoS is not carried: each face publishes at its configured QoS.
 */
import type { InboundMessage, LaneName, SendInput } from '../link/index.js';

export const MQTT_KIND = 'mqtt';
export const MQTT_CONTENT_TYPE = 'application/octet-stream';

/** Lane of a publish when the rule names none: retained state goes on the state lane. */
export function laneOf(retain: boolean, lane: LaneName | undefined): LaneName {
  return lane ?? (retain ? 'state' : 'events');
}

export function toSendInput(key: string, payload: Uint8Array, retain: boolean, lane: LaneName): SendInput {
  return {
    lane,
    key,
    kind: MQTT_KIND,
    op: retain && payload.length === 0 ? 'delete' : 'none',
    contentType: MQTT_CONTENT_TYPE,
    payload,
  };
}

export function isMqttMessage(m: InboundMessage): boolean {
  return m.kind === MQTT_KIND;
}

/** Retained on the far side: a state-lane message (the newest per topic wins there too). */
export function retainOf(m: InboundMessage): boolean {
  return m.lane === 'state';
}

/** The payload as a Buffer over the same bytes (no copy). */
export function payloadBuffer(m: InboundMessage): Buffer {
  const p = m.payload;
  return Buffer.from(p.buffer, p.byteOffset, p.byteLength);
}
