/**
 * The edge's MQTT face: its options, their defaults in one place, and
 * validation at start (a TypeError naming the key path, e.g. mqtt.rules[2].direction).
 */
import { LANE_NAMES, type LaneName } from '../link/index.js';
import { checkTopicFilter } from '../mqtt/index.js';
// The one HOST:PORT parser of the project (light: it imports nothing else).
import { parseHostPort } from '../cloudhub/config.js';

export type MqttRuleDirection = 'up' | 'down';

/**
 * One mapping rule. An `up` rule matches LOCAL topics (published by devices
 * on the edge's broker) and carries them to the cloud; a `down` rule matches
 * REMOTE topics (the key of a message from the cloud: what a controller
 * published under isthmus/nodes/NODE/down/) and publishes them locally.
 * The first rule of a direction that matches wins.
 *   up:   local "isthmus/up/a/b" → strip localPrefix → add remotePrefix → key "a/b"
 *   down: key "c/d" → strip remotePrefix → add localPrefix → local "isthmus/down/c/d"
 */
export interface MqttRule {
  /** Name in metrics and logs; default "up-0", "down-1", ... (direction and index). */
  name?: string;
  direction: MqttRuleDirection;
  /** Topic filter: of local topics for `up`, of remote topics (keys) for `down`. */
  filter: string;
  /** Lane of carried messages (`up`). Default: `state` for retained publishes, `events` otherwise. */
  lane?: LaneName;
  /** QoS of the publish on the local broker (`down`), or of the subscription to an external broker (`up`). Default 1. */
  qos?: 0 | 1;
  /** Prefix of local topics, removed going up and added coming down. Default "isthmus/up/" (up), "isthmus/down/" (down). */
  localPrefix?: string;
  /** Prefix of remote topics (keys), added going up and removed coming down. Default "". */
  remotePrefix?: string;
}

export interface EdgeMqttOptions {
  /** Embedded broker address "host:port". Default 127.0.0.1:1883; port 0 picks a free one. Ignored with `broker`. */
  listen?: string;
  /** Per-client credentials of the embedded broker (user name → password). Absent: anonymous clients are accepted. */
  users?: Record<string, string>;
  /** External-broker mode: mqtt://HOST:PORT of an existing broker (e.g. Mosquitto); no embedded broker then. */
  broker?: string;
  /** Credentials for the external broker. */
  username?: string;
  password?: string;
  /** Client id at the external broker (a persistent session: clean=false). Default "isthmus-edge-NODE". */
  clientId?: string;
  /** Where refusal records go on the local broker. Default "isthmus/errors". */
  errorsTopic?: string;
  /** Default: [{ direction: 'up', filter: 'isthmus/up/#' }, { direction: 'down', filter: '#' }]. */
  rules?: MqttRule[];
}

export interface ResolvedRule {
  name: string;
  direction: MqttRuleDirection;
  filter: string;
  lane: LaneName | undefined;
  qos: 0 | 1;
  localPrefix: string;
  remotePrefix: string;
}

export interface EdgeMqttConfig {
  host: string;
  port: number;
  users: Map<string, string> | null;
  broker: string | null;
  username: string | undefined;
  password: string | undefined;
  clientId: string;
  errorsTopic: string;
  up: ResolvedRule[];
  down: ResolvedRule[];
}

export const DefaultEdgeMqtt = Object.freeze({
  listen: '127.0.0.1:1883',
  errorsTopic: 'isthmus/errors',
  qos: 1 as const,
  prefixes: Object.freeze({ up: { local: 'isthmus/up/', remote: '' }, down: { local: 'isthmus/down/', remote: '' } }),
  rules: Object.freeze([
    { direction: 'up', filter: 'isthmus/up/#' },
    { direction: 'down', filter: '#' },
  ] as MqttRule[]),
});

const RULE_KEYS = new Set(['name', 'direction', 'filter', 'lane', 'qos', 'localPrefix', 'remotePrefix']);
const KEYS = new Set(['listen', 'users', 'broker', 'username', 'password', 'clientId', 'errorsTopic', 'rules']);

function unknownKeys(o: object, allowed: Set<string>, path: string): void {
  for (const k of Object.keys(o)) if (!allowed.has(k)) throw new TypeError(`${path}.${k} is not an option (expected one of ${[...allowed].join(', ')})`);
}

function prefix(v: unknown, field: string, fallback: string): string {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || /[+#\u0000]/.test(v)) throw new TypeError(`${field} must be a topic prefix without wildcards, got ${JSON.stringify(v)}`);
  if (v !== '' && !v.endsWith('/')) throw new TypeError(`${field} must end with "/" (a whole topic level), got ${JSON.stringify(v)}`);
  return v;
}

function rule(r: MqttRule, i: number): ResolvedRule {
  const path = `mqtt.rules[${i}]`;
  if (!r || typeof r !== 'object') throw new TypeError(`${path} must be an object { direction, filter, ... }`);
  unknownKeys(r, RULE_KEYS, path);
  if (r.direction !== 'up' && r.direction !== 'down') throw new TypeError(`${path}.direction must be "up" or "down", got ${JSON.stringify(r.direction)}`);
  checkTopicFilter(r.filter, `${path}.filter`);
  if (r.lane !== undefined && !(LANE_NAMES as readonly string[]).includes(r.lane)) {
    throw new TypeError(`${path}.lane must be one of ${LANE_NAMES.join(', ')}, got ${JSON.stringify(r.lane)}`);
  }
  if (r.lane !== undefined && r.direction === 'down') throw new TypeError(`${path}.lane applies to up rules only: the cloud's publisher chooses the lane of down messages`);
  const qos = r.qos ?? DefaultEdgeMqtt.qos;
  if (qos !== 0 && qos !== 1) throw new TypeError(`${path}.qos must be 0 or 1, got ${JSON.stringify(r.qos)}`);
  const d = DefaultEdgeMqtt.prefixes[r.direction];
  const name = r.name ?? `${r.direction}-${i}`;
  if (typeof name !== 'string' || !name) throw new TypeError(`${path}.name must be a non-empty string`);
  return {
    name, direction: r.direction, filter: r.filter, lane: r.lane, qos,
    localPrefix: prefix(r.localPrefix, `${path}.localPrefix`, d.local),
    remotePrefix: prefix(r.remotePrefix, `${path}.remotePrefix`, d.remote),
  };
}

export function edgeMqttConfig(o: EdgeMqttOptions, node: string): EdgeMqttConfig {
  if (!o || typeof o !== 'object') throw new TypeError('mqtt must be an object, e.g. { listen: "127.0.0.1:1883" }');
  unknownKeys(o, KEYS, 'mqtt');
  const { host, port } = parseHostPort(o.listen ?? DefaultEdgeMqtt.listen, 'mqtt.listen');
  let users: Map<string, string> | null = null;
  if (o.users !== undefined) {
    if (!o.users || typeof o.users !== 'object') throw new TypeError('mqtt.users must map user names to passwords');
    users = new Map();
    for (const [u, p] of Object.entries(o.users)) {
      if (typeof p !== 'string' || !p) throw new TypeError(`mqtt.users.${u} must be a non-empty password string`);
      users.set(u, p);
    }
  }
  let broker: string | null = null;
  if (o.broker !== undefined) {
    let u: URL;
    try { u = new URL(o.broker); } catch { throw new TypeError(`mqtt.broker "${o.broker}" is not a URL: expected mqtt://HOST:PORT`); }
    if (u.protocol !== 'mqtt:' && u.protocol !== 'tcp:') throw new TypeError(`mqtt.broker "${o.broker}" must start with mqtt://`);
    broker = o.broker;
  }
  if (!Array.isArray(o.rules ?? [])) throw new TypeError('mqtt.rules must be a list of rules');
  const rules = (o.rules ?? DefaultEdgeMqtt.rules).map(rule);
  const names = new Set<string>();
  for (const r of rules) {
    if (names.has(r.name)) throw new TypeError(`mqtt.rules: two rules are named "${r.name}"`);
    names.add(r.name);
  }
  const errorsTopic = o.errorsTopic ?? DefaultEdgeMqtt.errorsTopic;
  if (typeof errorsTopic !== 'string' || !errorsTopic || /[+#]/.test(errorsTopic)) throw new TypeError(`mqtt.errorsTopic must be a topic without wildcards, got ${JSON.stringify(errorsTopic)}`);
  return {
    host, port, users, broker,
    username: o.username, password: o.password,
    clientId: o.clientId ?? `isthmus-edge-${node}`,
    errorsTopic,
    up: rules.filter((r) => r.direction === 'up'),
    down: rules.filter((r) => r.direction === 'down'),
  };
}
