/** Tunnel settings shared by both hubs, their defaults in one place, and validation at start. */

/** Every stream starts with this receive window in each direction (SPEC.md §15.5); not negotiated. */
export const INITIAL_WINDOW = 256 * 1024;

export interface TunnelOptions {
  /** Largest a stream's receive window may grow (with the bandwidth-delay product). Default 16 MiB. */
  maxWindowBytes?: number;
  /** Largest payload of one StreamData frame: a control batch waits behind at most one. Default 64 KiB. */
  maxDataFrameBytes?: number;
  /** Most open streams on one node's socket. Default 4096. */
  maxStreamsPerNode?: number;
  /** Most open streams on the whole hub (cloud: all nodes). Default 65536. */
  maxStreamsPerHub?: number;
  /** Bytes a stream's writer may queue before write() asks it to wait. Default 256 KiB. */
  writeBufferBytes?: number;
  /**
   * Stop writing data frames while the socket library holds this much. Kept
   * below the link's high-water mark so the link's batches always find room.
   * Default: half the link's highWaterBytes.
   */
  highWaterBytes?: number;
}

export interface TunnelConfig {
  maxWindowBytes: number;
  maxDataFrameBytes: number;
  maxStreamsPerNode: number;
  maxStreamsPerHub: number;
  writeBufferBytes: number;
  highWaterBytes: number;
}

export const DefaultTunnel = Object.freeze({
  maxWindowBytes: 16 * 1024 * 1024,
  maxDataFrameBytes: 64 * 1024,
  maxStreamsPerNode: 4096,
  maxStreamsPerHub: 65_536,
  writeBufferBytes: 256 * 1024,
});

function int(v: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new TypeError(`${field} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** Fills defaults and validates; `prefix` names the options' place ("tunnel"). */
export function tunnelConfig(o: TunnelOptions = {}, linkHighWaterBytes: number, maxFrameBytes: number, prefix = 'tunnel'): TunnelConfig {
  if (o === null || typeof o !== 'object') throw new TypeError(`${prefix} must be an object, got ${JSON.stringify(o)}`);
  const c: TunnelConfig = {
    maxWindowBytes: int(o.maxWindowBytes ?? DefaultTunnel.maxWindowBytes, `${prefix}.maxWindowBytes`, INITIAL_WINDOW, 2 ** 31),
    // The default shrinks to fit a small limits.maxFrameBytes; an explicit value must fit.
    maxDataFrameBytes: int(o.maxDataFrameBytes ?? Math.min(DefaultTunnel.maxDataFrameBytes, maxFrameBytes - 64), `${prefix}.maxDataFrameBytes`, 1024, maxFrameBytes - 64),
    maxStreamsPerNode: int(o.maxStreamsPerNode ?? DefaultTunnel.maxStreamsPerNode, `${prefix}.maxStreamsPerNode`, 1),
    maxStreamsPerHub: int(o.maxStreamsPerHub ?? DefaultTunnel.maxStreamsPerHub, `${prefix}.maxStreamsPerHub`, 1),
    writeBufferBytes: int(o.writeBufferBytes ?? DefaultTunnel.writeBufferBytes, `${prefix}.writeBufferBytes`, 1024),
    highWaterBytes: int(o.highWaterBytes ?? Math.max(1024, Math.floor(linkHighWaterBytes / 2)), `${prefix}.highWaterBytes`, 1024),
  };
  return c;
}
