/** Cloud hub settings, their defaults in one place, and validation at start. */
import { MAX_PATHS } from '../proto/index.js';
import { admissionConfig, drainConfig, type AdmissionConfig, type AdmissionOptions, type DrainConfig } from './admission-config.js';
import { linkConfig, storeKind, minFree, type LinkConfig, type LinkConfigInput, type LogOption, type StoreKind } from '../link/index.js';
import { cloudTunnelConfig, type CloudTunnelConfig, type CloudTunnelOptions } from '../tunnel/cloud-config.js';
import { securityConfig, type SecurityConfig, type SecurityOptions } from './security-config.js';
import { cloudMqttConfig, type CloudMqttConfig, type CloudMqttOptions } from './mqtt-config.js';

export interface CloudHubOptions extends LinkConfigInput, SecurityOptions {
  /** Address for edges, "host:port". Default 0.0.0.0:10000. Port 0 picks a free one. */
  listen?: string;
  /** Admin HTTP API address "host:port", or false for none. Default false when embedded; the CLI uses 127.0.0.1:10001. */
  admin?: string | false;
  /** Data folder holding the secret and admin token (created on first start). */
  dataDir?: string;
  /** Signing secret for node tokens; overrides the data folder's. Without either, a random one lives as long as the process. */
  secret?: Uint8Array | string;
  /** Admin API bearer token; overrides the data folder's. */
  adminToken?: string;
  /** Outbox store: "lmdb" (durable, under dataDir/store; the default when dataDir is set) or "memory". */
  store?: StoreKind;
  /** The durable store refuses new messages when its disk has less free space. Default 256 MiB. */
  storeMinFreeBytes?: number;
  /** Most edge connections at once; more get HTTP 503 with a retry-after. Default 100000. */
  maxConnections?: number;
  /** What a refused edge is told to wait, ms. Default 5000. */
  retryAfterMs?: number;
  /** Most sockets one node may hold at once (multipath). Default 4. */
  maxPaths?: number;
  /** Northbound MQTT face (cloudhub/mqtt-config.ts), or false/absent for none. The CLI uses 127.0.0.1:1884. */
  mqtt?: CloudMqttOptions | false;
  /** Token bucket for edges (re)connecting: see cloudhub/admission-config.ts. */
  admission?: AdmissionOptions;
  /** Longest a graceful drain (SIGTERM, drain()) may take, ms. Default 20000. */
  drainTimeoutMs?: number;
  /** During a drain, edges are told to reconnect to this URL (another replica); default: the same URL, later. */
  drainRedirect?: string;
  log?: LogOption;
  /** Reverse tunnel: stream limits, windows, and the kube-compatible API (tunnel/cloud-config.ts). */
  tunnel?: CloudTunnelOptions;
}

export interface CloudHubConfig {
  host: string;
  port: number;
  admin: { host: string; port: number } | null;
  dataDir: string | null;
  store: StoreKind;
  storeMinFreeBytes: number;
  maxConnections: number;
  retryAfterMs: number;
  maxPaths: number;
  admission: AdmissionConfig;
  drain: DrainConfig;
  link: LinkConfig;
  tunnel: CloudTunnelConfig;
  security: SecurityConfig;
  mqtt: CloudMqttConfig | null;
}

export const DefaultCloudHub = Object.freeze({
  listen: '0.0.0.0:10000',
  admin: '127.0.0.1:10001',
  maxConnections: 100_000,
  retryAfterMs: 5_000,
  maxPaths: 4,
});

export function parseHostPort(text: string, field: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new TypeError(`${field} "${text}" is not HOST:PORT (port 0 to 65535)`);
  return { host: m[1] || m[2] || '0.0.0.0', port };
}

export function cloudHubConfig(o: CloudHubOptions): CloudHubConfig {
  const { host, port } = parseHostPort(o.listen ?? DefaultCloudHub.listen, 'listen');
  const store = storeKind(o.store, o.dataDir, 'dataDir');
  const maxConnections = o.maxConnections ?? DefaultCloudHub.maxConnections;
  if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new TypeError(`maxConnections must be a positive integer, got ${String(maxConnections)}`);
  const retryAfterMs = o.retryAfterMs ?? DefaultCloudHub.retryAfterMs;
  if (!Number.isInteger(retryAfterMs) || retryAfterMs < 0) throw new TypeError(`retryAfterMs must be a non-negative integer, got ${String(retryAfterMs)}`);
  const maxPaths = o.maxPaths ?? DefaultCloudHub.maxPaths;
  if (!Number.isInteger(maxPaths) || maxPaths < 1 || maxPaths > MAX_PATHS) throw new TypeError(`maxPaths must be an integer from 1 to ${MAX_PATHS}, got ${String(maxPaths)}`);
  return {
    host, port,
    admin: o.admin ? parseHostPort(o.admin, 'admin') : null,
    dataDir: o.dataDir ?? null,
    store,
    storeMinFreeBytes: minFree(o.storeMinFreeBytes),
    maxConnections,
    retryAfterMs,
    maxPaths,
    admission: admissionConfig(o.admission),
    drain: drainConfig(o.drainTimeoutMs, o.drainRedirect),
    link: linkConfig(o),
    tunnel: cloudTunnelConfig(o.tunnel, o.highWaterBytes, o.limits?.maxFrameBytes),
    security: securityConfig(o, o.dataDir ?? null),
    mqtt: o.mqtt ? cloudMqttConfig(o.mqtt) : null,
  };
}
