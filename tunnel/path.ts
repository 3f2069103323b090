/**
 * What the tunnel needs of "the socket": write a frame, know how much is
 * buffered, hear when it drains. The hubs point it at the link's current
 * socket (the best path once there are several).
 */
export interface StreamPath {
  /** For logs: the connection id. */
  readonly id: string;
  /** Queues one encoded Frame. Never drops. */
  send(frame: Uint8Array): void;
  /** Bytes accepted by send() and not yet handed to the kernel. */
  bufferedAmount(): number;
  /** The peer's round-trip time, ms, when known (for window growth). */
  rttMs(): number | null;
  /**
   * Writes caused by an inbound frame wait for the next turn of the event
   * loop instead of going out from inside the socket library's message
   * callback (writes after a drain always do). The cloud hub sets it: uWS
   * over TLS dropped a busy connection (1006) written to from inside its
   * message handler (6 streams edge->cloud over wss).
   */
  readonly deferInReceive?: boolean;
  /**
   * send() has copied the frame's bytes (or written them) when it returns,
   * so the tunnel may reuse a frame's memory at once: uWS's send always
   * does, ws's when it masks (a client always masks). Without it, every frame
   * is memory of its own until the socket library lets go of it.
   */
  readonly sendCopies?: boolean;
  /**
   * Optional: sends a frame whose memory the tunnel gives up until
   * `release()`: the path may change it (mask it in place) and hand it to the
   * kernel without a copy. The edge's ws client has it (edgehub/ws-direct.ts).
   */
  sendOwned?(frame: Buffer, release: () => void): void;
}
