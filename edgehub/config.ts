/** Edge hub settings, their defaults in one place, and validation at start. */
import { isIP } from 'node:net';
import { MAX_PATHS } from '../proto/index.js';
import {
  checkNodeName, DefaultBackoff, linkConfig, minFree, storeKind, verifyBackoff,
  type BackoffConfig, type LinkConfig, type LinkConfigInput, type LogOption, type StoreKind,
} from '../link/index.js';
import { edgeTunnelConfig, type EdgeTunnelConfig, type EdgeTunnelOptions } from '../tunnel/edge-config.js';
import { edgeSecurityConfig, readTokenFile, type EdgeSecurityConfig, type EdgeSecurityOptions } from './edge-security.js';
import { edgeMqttConfig, type EdgeMqttConfig, type EdgeMqttOptions } from './mqtt-config.js';
import { edgeAdminConfig, edgeDrainTimeout } from './admin-config.js';

export interface EdgeHubOptions extends LinkConfigInput, EdgeSecurityOptions {
  /**
   * The cloud hub, e.g. wss://hub.example:10000 (path /v1/link is added when
   * absent). Several URLs (replicas, or one per uplink) give one path each.
   */
  cloud: string | string[];
  /**
   * Sockets to hold to the cloud at once (multipath). Control messages go on
   * every path and the first copy wins; other lanes use the best path.
   * Default: one per cloud URL.
   */
  paths?: number;
  /** Local addresses to dial from (one per uplink), used in turn by the paths. */
  localAddresses?: string[];
  /** This edge's node name; must be the one its token names. */
  node: string;
  /** Node token minted by the cloud hub (`isthmus token create`); or give tokenFile. */
  token?: string;
  /** Folder of the durable store (outbox, watermarks, resource cache). */
  dataDir?: string;
  /** "lmdb" (durable, the default when dataDir is set) or "memory". */
  store?: StoreKind;
  /** The durable store refuses new messages when its disk has less free space. Default 256 MiB. */
  storeMinFreeBytes?: number;
  backoff?: Partial<BackoffConfig>;
  /** The local MQTT face (edgehub/mqtt-config.ts); absent: none. `{}` is an embedded broker on 127.0.0.1:1883. */
  mqtt?: EdgeMqttOptions;
  /** Local listener for /metrics, /healthz, /readyz, "host:port", or false. Default false when embedded; the CLI uses 127.0.0.1:10002. */
  admin?: string | false;
  /** Longest drain() may take (flush acks, close the socket and the store), ms. Default 10000. */
  drainTimeoutMs?: number;
  log?: LogOption;
  /** Reverse tunnel: pods served, exec allowlist, providers, limits (tunnel/edge-config.ts). */
  tunnel?: EdgeTunnelOptions;
}

export interface EdgeHubConfig {
  /** Path i dials urls[i % urls.length] from localAddresses[i % localAddresses.length] (if any). */
  urls: string[];
  paths: number;
  localAddresses: string[];
  node: string;
  token: string;
  dataDir: string | null;
  store: StoreKind;
  storeMinFreeBytes: number;
  backoff: BackoffConfig;
  admin: { host: string; port: number } | null;
  drainTimeoutMs: number;
  link: LinkConfig;
  tunnel: EdgeTunnelConfig;
  security: EdgeSecurityConfig;
  mqtt: EdgeMqttConfig | null;
}

/** Adds the link path to a bare ws:// URL and checks the scheme. */
export function linkUrl(cloud: string): string {
  let u: URL;
  try {
    u = new URL(cloud);
  } catch {
    throw new TypeError(`cloud "${cloud}" is not a URL: expected ws://HOST:PORT or wss://HOST:PORT`);
  }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new TypeError(`cloud "${cloud}" must start with ws:// or wss://`);
  if (u.pathname === '/' || u.pathname === '') u.pathname = '/v1/link';
  return u.toString();
}

export function edgeHubConfig(o: EdgeHubOptions): EdgeHubConfig {
  if (!o || typeof o !== 'object') throw new TypeError('EdgeHub options are required: { cloud, node, token }');
  const token = o.token ?? (o.tokenFile ? readTokenFile(o.tokenFile) : undefined);
  if (!token || typeof token !== 'string') throw new TypeError('token is required (or tokenFile): mint one with `isthmus token create --node NAME`');
  const clouds = Array.isArray(o.cloud) ? o.cloud : [o.cloud];
  if (clouds.length === 0) throw new TypeError('cloud must name at least one URL');
  const urls = clouds.map((c) => linkUrl(c));
  const paths = o.paths ?? clouds.length;
  if (!Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) throw new TypeError(`paths must be an integer from 1 to ${MAX_PATHS}, got ${String(paths)}`);
  const localAddresses = o.localAddresses ?? [];
  if (!Array.isArray(localAddresses) || localAddresses.some((a) => typeof a !== 'string' || !isIP(a))) {
    throw new TypeError(`localAddresses must be a list of IP addresses, got ${JSON.stringify(o.localAddresses)}`);
  }
  // Every URL must pass the same security rules (no plain ws:// outside dev mode).
  for (const u of urls.slice(1)) edgeSecurityConfig(o, u);
  const link = linkConfig(o);
  return {
    urls,
    paths,
    localAddresses,
    node: checkNodeName(o.node),
    token,
    dataDir: o.dataDir ?? null,
    store: storeKind(o.store, o.dataDir, 'dataDir'),
    storeMinFreeBytes: minFree(o.storeMinFreeBytes),
    backoff: verifyBackoff({ ...DefaultBackoff, ...(o.backoff ?? {}) }),
    admin: edgeAdminConfig(o.admin),
    drainTimeoutMs: edgeDrainTimeout(o.drainTimeoutMs),
    link,
    security: edgeSecurityConfig(o, urls[0]!),
    mqtt: o.mqtt === undefined ? null : edgeMqttConfig(o.mqtt, checkNodeName(o.node)),
    tunnel: edgeTunnelConfig(o.tunnel, link.highWaterBytes, link.limits.maxFrameBytes),
  };
}
