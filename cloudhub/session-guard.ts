/**
 * Who may stay connected: verifies tokens at the upgrade and on renewal,
 * applies the deny list, and closes sessions whose token expired or was
 * revoked. Expiry is checked by one sweep per second over the live sockets
 * (cheaper than a timer per socket with 100k of them).
 */
import type { Logger } from 'pino';
import { CloseCode } from '../proto/index.js';
import { verifyToken, type TokenCheck } from './token.js';
import { DenyList } from './deny-list.js';
import { DefaultSecurity, type SecurityConfig } from './security-config.js';
import type { EdgeSocket } from './edge-socket.js';

export class SessionGuard {
  readonly denyList: DenyList;
  private readonly pollMs: number;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly secret: Uint8Array, config: SecurityConfig, private readonly log: Logger) {
    this.denyList = new DenyList(config.denyList, log);
    this.pollMs = config.denyListPollMs;
  }

  /** Starts the deny list poll and the expiry sweep over sockets(). */
  start(sockets: () => Iterable<EdgeSocket>): void {
    this.denyList.watch(this.pollMs, () => this.closeRevoked(sockets()));
    this.sweeper = setInterval(() => this.closeExpired(sockets(), Date.now()), DefaultSecurity.expiryCheckMs);
    this.sweeper.unref();
  }

  stop(): void {
    this.denyList.stop();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  /** A valid, unrevoked token, or why not. */
  check(token: string, now = Date.now()): TokenCheck {
    const check = verifyToken(this.secret, token, now);
    if (!check.ok) return check;
    const revoked = this.denyList.check(check.claims);
    return revoked ? { ok: false, reason: revoked } : check;
  }

  /** A RenewToken frame: on success the session lives until the new token's expiry. */
  renew(sock: EdgeSocket, token: string): { expiresAtMs: number; error: string } {
    const check = this.check(token);
    let error = check.ok ? '' : check.reason;
    if (check.ok && check.claims.node !== sock.node) error = `token is for node "${check.claims.node}", not "${sock.node}"`;
    if (!check.ok || error) {
      this.log.warn({ node: sock.node, conn: sock.id, reason: error }, 'token renewal refused; the session keeps its current token');
      return { expiresAtMs: 0, error };
    }
    const previous = sock.claims;
    sock.claims = check.claims;
    this.log.info({ node: sock.node, conn: sock.id, tokenId: check.claims.jti, previousTokenId: previous?.jti, expiresAt: new Date(check.claims.exp * 1000).toISOString() }, 'token renewed on the open link');
    return { expiresAtMs: check.claims.exp * 1000, error: '' };
  }

  closeExpired(sockets: Iterable<EdgeSocket>, now: number): void {
    for (const sock of sockets) {
      const c = sock.claims;
      if (!c || c.exp * 1000 > now || sock.state === 'closed') continue;
      this.log.warn({ node: sock.node, conn: sock.id, tokenId: c.jti, expiredAt: new Date(c.exp * 1000).toISOString() }, 'session token expired; closing');
      sock.close(CloseCode.TOKEN_EXPIRED, 'token expired');
    }
  }

  closeRevoked(sockets: Iterable<EdgeSocket>): void {
    for (const sock of sockets) {
      if (!sock.claims || sock.state === 'closed') continue;
      const reason = this.denyList.check(sock.claims);
      if (!reason) continue;
      this.log.warn({ node: sock.node, conn: sock.id, tokenId: sock.claims.jti, reason }, 'token revoked; closing the live session');
      sock.close(CloseCode.FORBIDDEN, 'token revoked');
    }
  }
}
