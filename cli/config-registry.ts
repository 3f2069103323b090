/**
 * Feature sections of the config (mqtt:, tunnel:, ...): plain objects the
 * loader passes through to CloudHubOptions / EdgeHubOptions unchanged, so
 * that the feature's own *-config.ts validates them when the hub starts
 * (with its own precise errors). A feature adds its section with one line:
 *
 *   registerConfigSection('cloudhub', 'mqtt');
 *
 * The loader still rejects keys no one registered, with a suggestion.
 */
import type { Section } from './config-schema.js';

const sections: Record<Section, Set<string>> = {
  cloudhub: new Set(['mqtt', 'tunnel']),
  edgehub: new Set(['mqtt', 'tunnel']),
};

export function registerConfigSection(section: Section, key: string): void {
  sections[section].add(key);
}

export function passthroughKeys(section: Section): ReadonlySet<string> {
  return sections[section];
}
