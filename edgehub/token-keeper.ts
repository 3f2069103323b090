/**
 * The edge's node token over time: the one sent at each connect, replaced
 * without dropping the link (RenewToken over the open socket; the hub answers
 * TokenRenewed), and optionally re-read from a token file that automation
 * (a Secret mount, a cron job) replaces before the old token expires.
 */
import { statSync } from 'node:fs';
import type { Logger } from 'pino';
import { encodeFrame } from '../proto/index.js';
import type { Transport } from '../link/index.js';
import { readTokenFile, type EdgeSecurityConfig } from './edge-security.js';

const SOON_MS = 86_400_000;

interface Pending {
  token: string;
  resolve: (r: { expiresAt: Date }) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** The expiry a token claims (unverified: only the hub can verify it), or null. */
export function tokenExpiry(token: string): Date | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  } catch {
    return null;
  }
}

export class TokenKeeper {
  private pending: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stamp = '';

  constructor(public token: string, private readonly sec: EdgeSecurityConfig, private readonly log: Logger, private readonly timeoutMs: number) {}

  /** Polls the token file; onNew gets a token that differs from the current one. */
  watch(onNew: (token: string) => void): void {
    const file = this.sec.tokenFile;
    if (!file) return;
    this.stamp = this.fileStamp(file);
    this.timer = setInterval(() => {
      const stamp = this.fileStamp(file);
      if (stamp === this.stamp) return;
      this.stamp = stamp;
      let next: string;
      try { next = readTokenFile(file); } catch (err) { this.log.error({ tokenFile: file, err: (err as Error).message }, 'token file not readable; keeping the current token'); return; }
      if (next && next !== this.token && next !== this.pending?.token) onNew(next);
    }, this.sec.tokenFilePollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.pending?.reject(new Error('edge hub closing'));
  }

  /**
   * Sends the token over the open link (conn) and resolves once the hub took it;
   * offline, the token is simply used at the next connect.
   */
  renew(token: string, conn: Transport | null): Promise<{ expiresAt: Date }> {
    if (typeof token !== 'string' || !token) return Promise.reject(new TypeError('renewToken needs a token'));
    if (!conn) {
      this.token = token;
      this.log.info({ expiresAt: tokenExpiry(token)?.toISOString() }, 'new token stored; used at the next connect');
      return Promise.resolve({ expiresAt: tokenExpiry(token) ?? new Date(NaN) });
    }
    this.pending?.reject(new Error('superseded by a newer renewal'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending = null; reject(new Error(`no answer to the token renewal within ${this.timeoutMs} ms`)); }, this.timeoutMs);
      this.pending = { token, resolve, reject, timer };
      conn.send(encodeFrame({ renewToken: { token } }));
    });
  }

  /** The hub's TokenRenewed answer. */
  answered(expiresAtMs: number, error: string): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    if (error) {
      this.log.warn({ reason: error }, 'the cloud refused the new token; the current one stays in use');
      p.reject(new Error(`token renewal refused: ${error}`));
      return;
    }
    this.token = p.token;
    this.log.info({ expiresAt: new Date(expiresAtMs).toISOString() }, 'token renewed on the open link');
    p.resolve({ expiresAt: new Date(expiresAtMs) });
  }

  /** The link dropped before the answer: the current token stays (the new one is unverified). */
  disconnected(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.reject(new Error('the link dropped before the cloud answered the renewal; the current token stays in use'));
  }

  /** After each welcome: a token file that changed while offline (or mid-renewal) is sent now. */
  online(conn: Transport): void {
    const exp = tokenExpiry(this.token);
    // A day's notice (or a tenth of a short token's life) before the hub closes the session.
    if (exp && exp.getTime() - Date.now() < SOON_MS) this.log.warn({ expiresAt: exp.toISOString() }, 'node token expires soon: write a new one to the token file or call renewToken()');
    const file = this.sec.tokenFile;
    if (!file) return;
    let next = '';
    try { next = readTokenFile(file); } catch { return; }
    if (next && next !== this.token) this.renew(next, conn).catch((err: Error) => this.log.warn({ err: err.message }, 'token from the token file not taken'));
  }

  private fileStamp(file: string): string {
    try { const s = statSync(file); return `${s.ino}:${s.size}:${s.mtimeMs}`; } catch { return 'absent'; }
  }
}
