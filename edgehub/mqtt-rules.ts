/**
 * The edge's topic ↔ key mapping, per rule. Both ways are pure functions so
 * that the round trip (local → key → cloud topic → key → local) is testable.
 */
import { topicMatches } from '../mqtt/index.js';
import type { ResolvedRule } from './mqtt-config.js';

export interface Routed {
  rule: ResolvedRule;
  /** The key (going up) or the local topic (coming down). */
  to: string;
}

/** A local topic going up: the first up rule whose filter matches and whose localPrefix it has. */
export function routeUp(rules: readonly ResolvedRule[], topic: string): Routed | null {
  for (const rule of rules) {
    if (!topicMatches(rule.filter, topic) || !topic.startsWith(rule.localPrefix)) continue;
    const rest = topic.slice(rule.localPrefix.length);
    if (!rest) continue; // "isthmus/up" itself names no remote topic
    return { rule, to: rule.remotePrefix + rest };
  }
  return null;
}

/** A key coming down: the first down rule whose filter matches it and whose remotePrefix it has. */
export function routeDown(rules: readonly ResolvedRule[], key: string): Routed | null {
  for (const rule of rules) {
    if (!topicMatches(rule.filter, key) || !key.startsWith(rule.remotePrefix)) continue;
    const rest = key.slice(rule.remotePrefix.length);
    if (!rest) continue;
    return { rule, to: rule.localPrefix + rest };
  }
  return null;
}
