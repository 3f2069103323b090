/** One socket as the link sees it; the cloud hub wraps uWS, the edge hub wraps ws. */
export interface Transport {
  /** For logs: unique per connection. */
  readonly id: string;
  /** Queues one frame. Never drops: the link keeps the buffer small through bufferedAmount(). */
  send(frame: Uint8Array): void;
  /** Bytes accepted by send() and not yet handed to the kernel. */
  bufferedAmount(): number;
  /** Closes the socket with a close code and reason; idempotent. */
  close(code: number, reason: string): void;
}
