/**
 * The edge's side of security: the CA it verifies the cloud hub against, the
 * refusal of plain ws:// unless the insecure dev mode is asked for by name,
 * and a TLS failure turned into a message that says what to do.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface EdgeSecurityOptions {
  /** CA the cloud hub's certificate must chain to: a PEM file path, or the PEM itself (hub.ca). Default: the system's CAs. */
  ca?: string;
  /** "dev": allow a plain ws:// cloud URL. For development only; the edge warns at start. */
  insecure?: 'dev';
  /** File holding the node token; re-read when it changes, and a new token is sent over the open link (rotation). */
  tokenFile?: string;
  /** How often tokenFile is checked for a new token, ms. Default 5000. */
  tokenFilePollMs?: number;
}

export interface EdgeSecurityConfig {
  /** PEM text for ws's `ca`, or undefined for the system's CAs. */
  ca: string | undefined;
  /** Where the CA came from, for error messages. */
  caSource: string;
  insecure: boolean;
  tokenFile: string | null;
  tokenFilePollMs: number;
}

export const DefaultEdgeSecurity = Object.freeze({ tokenFilePollMs: 5_000 });

/** Reads the token in a token file (one line; surrounding space ignored). */
export function readTokenFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (err) {
    throw new TypeError(`tokenFile "${path}" is not readable: ${(err as Error).message}`);
  }
}

export function edgeSecurityConfig(o: EdgeSecurityOptions, url: string): EdgeSecurityConfig {
  if (o.insecure !== undefined && o.insecure !== 'dev') throw new TypeError(`insecure must be "dev" (allows a plain ws:// cloud URL) or absent, got ${JSON.stringify(o.insecure)}`);
  const insecure = o.insecure === 'dev';
  if (url.startsWith('ws:') && !insecure) {
    throw new TypeError(`cloud "${url}" is plain text (ws://): the token would cross the network unencrypted. Use wss:// with ca set to the hub's ca.crt, or set insecure: "dev" (--insecure-dev) for development`);
  }
  let ca: string | undefined;
  let caSource = 'the system\'s CAs';
  if (o.ca !== undefined) {
    if (typeof o.ca !== 'string' || !o.ca) throw new TypeError(`ca must be a PEM file path or PEM text, got ${JSON.stringify(o.ca)}`);
    if (o.ca.includes('-----BEGIN CERTIFICATE-----')) {
      ca = o.ca;
      caSource = 'the CA given in PEM';
    } else {
      if (!existsSync(o.ca)) throw new TypeError(`ca "${o.ca}" does not exist: copy the hub's DATA/tls/ca.crt to the edge`);
      ca = readFileSync(o.ca, 'utf8');
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new TypeError(`ca "${o.ca}" holds no PEM certificate`);
      caSource = o.ca;
    }
  }
  const tokenFilePollMs = o.tokenFilePollMs ?? DefaultEdgeSecurity.tokenFilePollMs;
  if (!Number.isInteger(tokenFilePollMs) || tokenFilePollMs < 10) throw new TypeError(`tokenFilePollMs must be an integer of at least 10 (ms), got ${String(tokenFilePollMs)}`);
  if (o.tokenFile !== undefined && (typeof o.tokenFile !== 'string' || !o.tokenFile)) throw new TypeError(`tokenFile must be a file path, got ${JSON.stringify(o.tokenFile)}`);
  return { ca, caSource, insecure, tokenFile: o.tokenFile ?? null, tokenFilePollMs };
}

const UNTRUSTED = 'give the edge the hub\'s CA file (ca: DATA/tls/ca.crt, --ca)';
/** What each TLS verification failure means, and what to do about it. */
const TLS_CODES: Record<string, [what: string, advice: string]> = {
  SELF_SIGNED_CERT_IN_CHAIN: ['is not signed by a trusted CA', UNTRUSTED],
  DEPTH_ZERO_SELF_SIGNED_CERT: ['is self-signed and not trusted', UNTRUSTED],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: ['is not signed by a trusted CA', UNTRUSTED],
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: ['is not signed by a trusted CA', UNTRUSTED],
  CERT_SIGNATURE_FAILURE: ['has a bad signature', UNTRUSTED],
  CERT_HAS_EXPIRED: ['has expired', 'restart the hub (it reissues its own certificate) or renew yours'],
  CERT_NOT_YET_VALID: ['is not valid yet', 'check the clocks of the hub and the edge'],
  ERR_TLS_CERT_ALTNAME_INVALID: ['does not name the host in the cloud URL', 'connect by a name the certificate has, or add the name to the hub\'s tls.hosts (--tls-host)'],
};

/** A connect error in words an operator can act on; TLS trust failures say which CA was used. */
export function describeConnectError(err: Error & { code?: string }, sec: EdgeSecurityConfig): { message: string; tls: boolean } {
  const known = err.code ? TLS_CODES[err.code] : undefined;
  if (known) {
    return { tls: true, message: `TLS: the cloud hub's certificate ${known[0]} (${err.code}; checked against ${sec.caSource}): ${known[1]}` };
  }
  if (/wrong version number|packet length too long|EPROTO/i.test(err.message)) {
    return { tls: true, message: `TLS handshake failed (${err.message}): is the hub serving plain ws:// (insecure dev mode) while the edge uses wss://?` };
  }
  return { tls: false, message: err.message };
}
