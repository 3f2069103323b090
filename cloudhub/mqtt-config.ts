/**
 * The cloud hub's northbound MQTT face: options, defaults in one place, and
 * validation at start (TypeErrors name the key path).
 */
import { LANE_NAMES, type LaneName } from '../link/index.js';
import { checkTopicFilter } from '../mqtt/index.js';
import { parseHostPort } from './config.js';

export interface CloudMqttLaneRule {
  /** Filter on the part after isthmus/nodes/NODE/down/. */
  filter: string;
  lane: LaneName;
}

export interface CloudMqttOptions {
  /** Address "host:port". Default 127.0.0.1:1884; port 0 picks a free one. */
  listen?: string;
  /** Controllers' user name. Default "isthmus". */
  username?: string;
  /**
   * Controllers' password. Default: the data folder's `mqtt-password` file
   * (created on first start, mode 0600); without a data folder, a random one
   * for the life of the process (`hub.mqtt.password`).
   */
  password?: string;
  /** Development only: accept any client without credentials, with controller rights. Default false. */
  allowAnonymous?: boolean;
  /** Publish end-to-end receipts on isthmus/nodes/NODE/receipts. Default false. */
  receipts?: boolean;
  /** QoS of what the face publishes (messages from edges, receipts). Default 1. */
  qos?: 0 | 1;
  /** Lane of a down topic by filter, first match wins. Default: state for retained publishes, events otherwise. */
  lanes?: CloudMqttLaneRule[];
}

export interface CloudMqttConfig {
  host: string;
  port: number;
  username: string;
  password: string | null;
  allowAnonymous: boolean;
  receipts: boolean;
  qos: 0 | 1;
  lanes: CloudMqttLaneRule[];
}

export const DefaultCloudMqtt = Object.freeze({
  listen: '127.0.0.1:1884',
  username: 'isthmus',
  qos: 1 as const,
});

const KEYS = new Set(['listen', 'username', 'password', 'allowAnonymous', 'receipts', 'qos', 'lanes']);

export function cloudMqttConfig(o: CloudMqttOptions): CloudMqttConfig {
  if (!o || typeof o !== 'object') throw new TypeError('mqtt must be an object, e.g. { listen: "127.0.0.1:1884" }, or false');
  for (const k of Object.keys(o)) if (!KEYS.has(k)) throw new TypeError(`mqtt.${k} is not an option (expected one of ${[...KEYS].join(', ')})`);
  const { host, port } = parseHostPort(o.listen ?? DefaultCloudMqtt.listen, 'mqtt.listen');
  const username = o.username ?? DefaultCloudMqtt.username;
  if (typeof username !== 'string' || !username) throw new TypeError('mqtt.username must be a non-empty string');
  if (o.password !== undefined && (typeof o.password !== 'string' || o.password.length < 8)) throw new TypeError('mqtt.password must be a string of at least 8 characters');
  const qos = o.qos ?? DefaultCloudMqtt.qos;
  if (qos !== 0 && qos !== 1) throw new TypeError(`mqtt.qos must be 0 or 1, got ${JSON.stringify(o.qos)}`);
  if (!Array.isArray(o.lanes ?? [])) throw new TypeError('mqtt.lanes must be a list of { filter, lane }');
  const lanes = (o.lanes ?? []).map((r, i) => {
    checkTopicFilter(r?.filter, `mqtt.lanes[${i}].filter`);
    if (!(LANE_NAMES as readonly string[]).includes(r.lane)) throw new TypeError(`mqtt.lanes[${i}].lane must be one of ${LANE_NAMES.join(', ')}, got ${JSON.stringify(r.lane)}`);
    return { filter: r.filter, lane: r.lane };
  });
  return {
    host, port, username,
    password: o.password ?? null,
    allowAnonymous: o.allowAnonymous === true,
    receipts: o.receipts === true,
    qos, lanes,
  };
}
