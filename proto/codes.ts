/**
 * WebSocket close codes Isthmus uses. Application codes are 4000 + the HTTP
 * status that means the same thing, so a log line reads without a table.
 */
export const CloseCode = {
  /** Deliberate close by the application (edge or hub closing). */
  NORMAL: 1000,
  /** Frame larger than the receiver's max_frame_bytes (sent by uWS / ws themselves). */
  TOO_LARGE: 1009,
  /** The cloud tells the edge to reconnect elsewhere (GoAway.redirect). */
  REDIRECT: 4307,
  /** Malformed frame, frame out of order, or a value outside the limits. */
  PROTOCOL_ERROR: 4400,
  /** The session's token expired (the edge did not renew it in time). */
  TOKEN_EXPIRED: 4401,
  /** Hello names a node other than the token's, or the token was revoked. */
  FORBIDDEN: 4403,
  /** No frame from the peer within the liveness deadline. */
  PING_TIMEOUT: 4408,
  /** A newer connection of the same node took over. */
  REPLACED: 4409,
  /** No Hello / Welcome within the handshake deadline. */
  HANDSHAKE_TIMEOUT: 4410,
  /** The cloud is busy: reconnect no sooner than GoAway.retry_after_ms. */
  RETRY_AFTER: 4429,
  /** Unexpected failure inside the hub. */
  INTERNAL: 4500,
  /** The cloud hub is draining for shutdown: reconnect later (retry_after_ms). */
  SHUTTING_DOWN: 4503,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

const names = new Map<number, string>(Object.entries(CloseCode).map(([k, v]) => [v, k]));

/** Human name of a close code, for logs ("PING_TIMEOUT", or the number). */
export function closeCodeName(code: number): string {
  return names.get(code) ?? String(code);
}

/** Protocol version spoken by this build. */
export const PROTOCOL_VERSION = 1;
