/**
 * Limits checked on every frame. max_frame_bytes is enforced by the socket
 * libraries before a frame is buffered; the rest are checked while decoding,
 * on memory already bounded by the frame size.
 */
export interface WireLimits {
  /** Largest WebSocket message accepted, in bytes. */
  maxFrameBytes: number;
  /** Most messages in one Batch frame. */
  maxBatchMessages: number;
  /** Longest key, in UTF-16 code units. */
  maxKeyLength: number;
  /** Longest kind, namespace or name. */
  maxKindLength: number;
  /** Longest id and trace id. */
  maxIdLength: number;
  /** Largest payload of one message, in bytes. */
  maxPayloadBytes: number;
}

export const DefaultWireLimits: Readonly<WireLimits> = Object.freeze({
  maxFrameBytes: 4 * 1024 * 1024,
  maxBatchMessages: 1024,
  maxKeyLength: 512,
  maxKindLength: 253, // a Kubernetes name fits
  maxIdLength: 128,
  maxPayloadBytes: 1024 * 1024,
});

/** Validates a limits object, throwing an error that names the bad field. */
export function verifyWireLimits(l: WireLimits): WireLimits {
  for (const [k, v] of Object.entries(l)) {
    if (!Number.isInteger(v) || v <= 0) throw new TypeError(`limits.${k} must be a positive integer, got ${String(v)}`);
  }
  // A frame must be able to carry one message of the largest payload plus headers.
  if (l.maxPayloadBytes + 4096 > l.maxFrameBytes) {
    throw new TypeError(`limits.maxFrameBytes (${l.maxFrameBytes}) must exceed limits.maxPayloadBytes (${l.maxPayloadBytes}) by at least 4096`);
  }
  return l;
}
