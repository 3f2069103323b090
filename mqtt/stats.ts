/**
 * Plain counters of an MQTT face, per rule and direction: what the metrics
 * endpoint (issue 7) reads with `stats()`. Counting is a field increment on
 * the hot path; nothing is allocated per message.
 */
export type MqttDirection = 'up' | 'down';

export interface MqttCounter {
  /** The rule's name (edge) or the face's fixed route name (cloud). */
  rule: string;
  direction: MqttDirection;
  /** Messages carried. */
  messages: number;
  /** Payload bytes carried. */
  bytes: number;
  /** Publishes refused (outbox full, policy, bad input): the publisher was told. */
  refused: number;
}

export interface MqttStats {
  /** MQTT clients connected to the embedded broker now (0 in external mode). */
  clients: number;
  counters: MqttCounter[];
  /** Messages no rule matched (not carried; logged once per topic). */
  unmatched: number;
  /** Refused publishes by code (QUEUE_FULL, FORBIDDEN, INVALID_MESSAGE, ...), whatever the rule. */
  refusals: Record<string, number>;
}

export class MqttCounters {
  private readonly byKey = new Map<string, MqttCounter>();
  unmatched = 0;
  readonly refusals: Record<string, number> = {};

  refusal(code: string): void {
    this.refusals[code] = (this.refusals[code] ?? 0) + 1;
  }

  stats(clients: number): MqttStats {
    return { clients, counters: this.list(), unmatched: this.unmatched, refusals: { ...this.refusals } };
  }

  counter(rule: string, direction: MqttDirection): MqttCounter {
    const key = `${direction}\u0000${rule}`;
    let c = this.byKey.get(key);
    if (!c) {
      c = { rule, direction, messages: 0, bytes: 0, refused: 0 };
      this.byKey.set(key, c);
    }
    return c;
  }

  /** A copy, safe to hand out. */
  list(): MqttCounter[] {
    return [...this.byKey.values()].map((c) => ({ ...c }));
  }
}
