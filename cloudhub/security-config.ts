/** The cloud hub's security settings: TLS, the token deny list; defaults in one place. */
import { tlsConfig, type TlsConfig, type TlsOptions } from './tls-config.js';

export interface SecurityOptions {
  /** TLS on the edge listener and the admin API. Default: on, with a CA and certificate the hub makes in DATA/tls. */
  tls?: TlsOptions;
  /** "dev": plain ws:// and http://, no TLS. For development only; the hub warns at start. */
  insecure?: 'dev';
  /** Token deny list file, reloaded when it changes. Default DATA/revoked with a data folder, else none; false for none. */
  denyList?: string | false;
  /** How often the deny list file is checked for changes, ms. Default 2000. */
  denyListPollMs?: number;
}

export interface SecurityConfig {
  tls: TlsConfig;
  denyList: string | null;
  denyListPollMs: number;
}

export const DefaultSecurity = Object.freeze({
  denyListFile: 'revoked',
  denyListPollMs: 2_000,
  /** How often live sessions are checked for an expired token, ms. */
  expiryCheckMs: 1_000,
});

export function securityConfig(o: SecurityOptions, dataDir: string | null): SecurityConfig {
  const denyListPollMs = o.denyListPollMs ?? DefaultSecurity.denyListPollMs;
  if (!Number.isInteger(denyListPollMs) || denyListPollMs < 10) throw new TypeError(`denyListPollMs must be an integer of at least 10 (ms), got ${String(denyListPollMs)}`);
  if (o.denyList !== undefined && o.denyList !== false && (typeof o.denyList !== 'string' || !o.denyList)) {
    throw new TypeError(`denyList must be a file path or false, got ${JSON.stringify(o.denyList)}`);
  }
  const denyList = o.denyList === false ? null : o.denyList ?? (dataDir ? `${dataDir}/${DefaultSecurity.denyListFile}` : null);
  return { tls: tlsConfig(o.tls, o.insecure, dataDir), denyList, denyListPollMs };
}
