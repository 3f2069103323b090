/**
 * What a refused PUBLISH looks like to MQTT 3.1.1 clients, which have no
 * reason codes: the broker sends no PUBACK and closes that client's
 * connection (every client library reports it; a QoS 1 message is resent on
 * reconnect), and first publishes a JSON error record on the errors topic
 * naming the refused packet and why, for whoever watches it.
 */
import { IsthmusError } from '../link/index.js';

export interface RefusalRecord {
  /** Stable code: QUEUE_FULL, STORE_FULL, INVALID_MESSAGE, FORBIDDEN, NO_RULE, CLOSED, ... */
  code: string;
  reason: string;
  topic: string;
  /** The PUBLISH packet's id (QoS > 0), or null. */
  messageId: number | null;
  clientId: string;
  qos: number;
  at: string;
}

/** An error with a code for refusals the faces decide themselves (policy). */
export class MqttRefusal extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'MqttRefusal';
  }
}

export function refusalCode(err: unknown): string {
  if (err instanceof MqttRefusal || err instanceof IsthmusError) return err.code;
  return 'INTERNAL';
}

export function refusalRecord(err: unknown, packet: { topic: string; messageId?: number; qos: number }, clientId: string): RefusalRecord {
  return {
    code: refusalCode(err),
    reason: err instanceof Error ? err.message : String(err),
    topic: packet.topic,
    messageId: packet.qos > 0 ? packet.messageId ?? null : null,
    clientId,
    qos: packet.qos,
    at: new Date().toISOString(),
  };
}
