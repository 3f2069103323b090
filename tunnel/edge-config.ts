/**
 * The edge side's tunnel settings: the pods it serves and what the cloud may
 * do in them. Plain, YAML-friendly data; validated at start with errors that
 * name the key path. Exec is off unless `exec.allow` lists commands.
 */
import { isIP } from 'node:net';
import { tunnelConfig, type TunnelConfig, type TunnelOptions } from './config.js';
import type { Provider } from './provider.js';

export interface PodOptions {
  /** Kubernetes namespace the pod is reported in. Default "default". */
  namespace?: string;
  /** The file `logs` follows. */
  logFile?: string;
  /** Ports port-forward may reach: pod port → local "host:port" or port number (127.0.0.1). Only these. */
  ports?: Record<string, string | number>;
  /** Working directory and extra environment of exec'd commands. */
  cwd?: string;
  env?: Record<string, string>;
}

export interface ExecOptions {
  /** Programs exec may run (argv[0], a name looked up in PATH or an absolute path); ["*"] allows any. Empty: exec is off. */
  allow?: string[];
}

export interface EdgeTunnelOptions extends TunnelOptions {
  /** Pods this edge serves, by name. */
  pods?: Record<string, PodOptions>;
  exec?: ExecOptions;
  /** Extra or replacing providers by kind (embedding only; not for YAML). */
  providers?: Record<string, Provider>;
}

export interface PodConfig {
  name: string;
  namespace: string;
  logFile: string | null;
  ports: Map<number, { host: string; port: number }>;
  cwd: string | null;
  env: Record<string, string>;
}

export interface EdgeTunnelConfig extends TunnelConfig {
  pods: Map<string, PodConfig>;
  execAllow: string[];
  providers: Record<string, Provider>;
}

const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function port(v: unknown, field: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535) throw new TypeError(`${field} must be a port from 1 to 65535, got ${JSON.stringify(v)}`);
  return n;
}

function target(v: unknown, field: string): { host: string; port: number } {
  if (typeof v === 'number') return { host: '127.0.0.1', port: port(v, field) };
  if (typeof v !== 'string') throw new TypeError(`${field} must be "host:port" or a port number, got ${JSON.stringify(v)}`);
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(v);
  if (!m) return { host: '127.0.0.1', port: port(v, field) };
  const host = m[1] ?? m[2]!;
  if (m[1] && isIP(host) !== 6) throw new TypeError(`${field} has a bracketed host that is not IPv6: ${JSON.stringify(v)}`);
  return { host, port: port(m[3], field) };
}

export function edgeTunnelConfig(o: EdgeTunnelOptions = {}, linkHighWaterBytes: number, maxFrameBytes: number): EdgeTunnelConfig {
  const base = tunnelConfig(o, linkHighWaterBytes, maxFrameBytes, 'tunnel');
  const pods = new Map<string, PodConfig>();
  if (o.pods !== undefined && (o.pods === null || typeof o.pods !== 'object' || Array.isArray(o.pods))) {
    throw new TypeError(`tunnel.pods must be an object of pod name → settings, got ${JSON.stringify(o.pods)}`);
  }
  for (const [name, p] of Object.entries(o.pods ?? {})) {
    const at = `tunnel.pods.${name}`;
    if (!NAME.test(name)) throw new TypeError(`${at}: pod name must be a DNS-1123 name (lowercase letters, digits, "-", ".")`);
    if (!p || typeof p !== 'object') throw new TypeError(`${at} must be an object, got ${JSON.stringify(p)}`);
    const namespace = p.namespace ?? 'default';
    if (typeof namespace !== 'string' || !NAME.test(namespace)) throw new TypeError(`${at}.namespace must be a DNS-1123 name, got ${JSON.stringify(p.namespace)}`);
    if (p.logFile !== undefined && (typeof p.logFile !== 'string' || !p.logFile)) throw new TypeError(`${at}.logFile must be a file path, got ${JSON.stringify(p.logFile)}`);
    if (p.cwd !== undefined && typeof p.cwd !== 'string') throw new TypeError(`${at}.cwd must be a folder path, got ${JSON.stringify(p.cwd)}`);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.env ?? {})) {
      if (typeof v !== 'string') throw new TypeError(`${at}.env.${k} must be a string, got ${JSON.stringify(v)}`);
      env[k] = v;
    }
    const ports = new Map<number, { host: string; port: number }>();
    for (const [k, v] of Object.entries(p.ports ?? {})) ports.set(port(k, `${at}.ports key`), target(v, `${at}.ports.${k}`));
    pods.set(name, { name, namespace, logFile: p.logFile ?? null, ports, cwd: p.cwd ?? null, env });
  }
  const allow = o.exec?.allow ?? [];
  if (!Array.isArray(allow) || allow.some((a) => typeof a !== 'string' || !a)) {
    throw new TypeError(`tunnel.exec.allow must be a list of program names or ["*"], got ${JSON.stringify(allow)}`);
  }
  const providers = o.providers ?? {};
  for (const [kind, fn] of Object.entries(providers)) {
    if (typeof fn !== 'function') throw new TypeError(`tunnel.providers.${kind} must be a function (stream, context) => void`);
  }
  return { ...base, pods, execAllow: allow, providers };
}
