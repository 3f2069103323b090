/**
 * Stream codes carried by StreamFail and StreamReset (SPEC.md §15.4), and the
 * error a refused or reset stream surfaces to the application.
 */
export const StreamCode = {
  /** The application gave up on the stream (cancel). */
  CANCEL: 1,
  /** No provider for the stream's kind on the receiving side. */
  UNKNOWN_KIND: 2,
  /** Parameters missing or malformed. */
  BAD_PARAMS: 3,
  /** Refused by policy: exec not enabled, command or port not allowed. */
  FORBIDDEN: 4,
  /** The pod, file or port does not exist / cannot be reached. */
  NOT_FOUND: 5,
  /** Too many streams on this node or hub. */
  LIMIT: 6,
  /** The sender sent more than the receiver's window. */
  FLOW_CONTROL: 7,
  /** The provider failed (process could not start, socket error...). */
  INTERNAL: 8,
  /** The side is shutting down. */
  SHUTDOWN: 9,
  /** Local only, never on the wire: the socket the stream rode went away. */
  LINK_LOST: 10,
} as const;

export type StreamCodeValue = (typeof StreamCode)[keyof typeof StreamCode];

const names = new Map<number, string>(Object.entries(StreamCode).map(([k, v]) => [v, k]));

export function streamCodeName(code: number): string {
  return names.get(code) ?? `CODE_${code}`;
}

/** A stream was refused (StreamFail) or reset (StreamReset), or could not be opened. */
export class StreamError extends Error {
  constructor(readonly code: number, message: string) {
    super(`${streamCodeName(code)}: ${message}`);
    this.name = 'StreamError';
  }
}
