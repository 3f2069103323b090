/**
 * Node tokens: `ist1.<claims>.<signature>`, base64url, signed with
 * HMAC-SHA256 under the hub's secret. The node name inside is the only name
 * the bearer may use. Verification is synchronous and allocation-light, so it
 * runs in the upgrade handler before a socket exists.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { checkNodeName, isNodeName } from '../link/index.js';

const PREFIX = 'ist1';
const MAX_TOKEN_LENGTH = 2048;

export interface TokenClaims {
  /** Node name. */
  node: string;
  /** Issued at, seconds since the Unix epoch. */
  iat: number;
  /** Expires at, seconds since the Unix epoch. */
  exp: number;
  /** Unique id: names the token in logs; revocation lists will use it. */
  jti: string;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

function sign(secret: Uint8Array, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function mintToken(secret: Uint8Array, node: string, ttlMs: number, now = Date.now()): string {
  checkNodeName(node);
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new TypeError(`token ttl must be positive, got ${ttlMs} ms`);
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = { node, iat, exp: iat + Math.ceil(ttlMs / 1000), jti: randomBytes(9).toString('base64url') };
  const body = `${PREFIX}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

export function verifyToken(secret: Uint8Array, token: string, now = Date.now()): TokenCheck {
  if (!token) return { ok: false, reason: 'no token' };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'token too long' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: 'not an isthmus token' };
  const body = `${parts[0]}.${parts[1]}`;
  const given = Buffer.from(parts[2]!, 'base64url');
  const expected = sign(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'unreadable claims' };
  }
  if (!isNodeName(claims.node) || typeof claims.exp !== 'number') return { ok: false, reason: 'incomplete claims' };
  if (claims.exp * 1000 <= now) return { ok: false, reason: `expired at ${new Date(claims.exp * 1000).toISOString()}` };
  return { ok: true, claims };
}

/** Parses "30d", "12h", "15m", "45s", "500ms" or a number of ms. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new TypeError(`"${text}" is not a duration: use e.g. 30d, 12h, 15m, 45s or 500ms`);
  const unit = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[(m[2] ?? 'ms') as 'ms'];
  return Math.round(Number(m[1]) * unit);
}
