/**
 * TLS settings of the cloud hub. TLS is on unless the operator asks for the
 * insecure dev mode by name (`insecure: 'dev'`). Without cert and key, the hub
 * makes its own CA and server certificate (tls-certs.ts).
 */
import { existsSync } from 'node:fs';

export interface TlsOptions {
  /** PEM server certificate (chain) file; with key, replaces the generated one. */
  cert?: string;
  /** PEM private key file of cert. */
  key?: string;
  /** Passphrase of key, if it is encrypted. */
  passphrase?: string;
  /** PEM CA file edges verify the hub against; printed at start. Default: the generated CA (DIR/tls/ca.crt). */
  ca?: string;
  /** Extra host names / IPs for the generated server certificate (e.g. the Service's DNS name). */
  hosts?: string[];
  /** Folder of the generated CA and certificate. Default DATA/tls, or a private temp folder without dataDir. */
  dir?: string;
}

export type TlsConfig =
  | { mode: 'insecure-dev' }
  | { mode: 'own'; certFile: string; keyFile: string; passphrase: string | null; caFile: string | null }
  | { mode: 'generated'; dir: string | null; hosts: string[] };

const TLS_KEYS = new Set(['cert', 'key', 'passphrase', 'ca', 'hosts', 'dir']);

function file(v: unknown, field: string): string {
  if (typeof v !== 'string' || !v) throw new TypeError(`${field} must be a file path, got ${JSON.stringify(v)}`);
  if (!existsSync(v)) throw new TypeError(`${field} "${v}" does not exist`);
  return v;
}

/** Validates tls / insecure. dataDir decides where generated certificates live. */
export function tlsConfig(tls: TlsOptions | undefined, insecure: unknown, dataDir: string | null): TlsConfig {
  if (insecure !== undefined && insecure !== false && insecure !== 'dev') {
    throw new TypeError(`insecure must be "dev" (plain ws/http, for development only) or absent, got ${JSON.stringify(insecure)}`);
  }
  if (insecure === 'dev') {
    if (tls) throw new TypeError('insecure: "dev" and tls exclude each other: drop one');
    return { mode: 'insecure-dev' };
  }
  const o = tls ?? {};
  if (typeof o !== 'object' || Array.isArray(o)) throw new TypeError(`tls must be an object { cert, key, ca, hosts, dir }, got ${JSON.stringify(o)}`);
  for (const k of Object.keys(o)) if (!TLS_KEYS.has(k)) throw new TypeError(`tls.${k} is not a setting; allowed: ${[...TLS_KEYS].join(', ')}`);
  if ((o.cert === undefined) !== (o.key === undefined)) throw new TypeError('tls.cert and tls.key go together: give both, or neither to have the hub make its own');
  if (o.cert !== undefined) {
    if (o.hosts !== undefined || o.dir !== undefined) throw new TypeError('tls.hosts and tls.dir apply to the generated certificate only, not with tls.cert');
    return {
      mode: 'own', certFile: file(o.cert, 'tls.cert'), keyFile: file(o.key, 'tls.key'),
      passphrase: o.passphrase ?? null, caFile: o.ca === undefined ? null : file(o.ca, 'tls.ca'),
    };
  }
  if (o.ca !== undefined || o.passphrase !== undefined) throw new TypeError('tls.ca and tls.passphrase need tls.cert and tls.key');
  const hosts = o.hosts ?? [];
  if (!Array.isArray(hosts) || hosts.some((h) => typeof h !== 'string' || !/^[\w.:*-]+$/.test(h))) {
    throw new TypeError(`tls.hosts must be a list of host names or IP addresses, got ${JSON.stringify(hosts)}`);
  }
  return { mode: 'generated', dir: o.dir ?? (dataDir ? `${dataDir}/tls` : null), hosts };
}
