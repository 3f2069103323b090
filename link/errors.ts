/** Errors the public API throws, with stable codes (as nats.js does). */
export class IsthmusError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'IsthmusError';
    this.code = code;
  }
}

/** The publisher's input is invalid; the message names the field. */
export class InvalidMessageError extends IsthmusError {
  constructor(message: string) {
    super('INVALID_MESSAGE', message);
    this.name = 'InvalidMessageError';
  }
}

/**
 * A lane's bound is reached and its overflow policy is `reject`, or the
 * message alone is larger than the lane's byte bound (`messageBytes` set).
 */
export class QueueFullError extends IsthmusError {
  readonly lane: string;
  readonly bound: 'messages' | 'bytes';
  readonly limit: number;
  constructor(lane: string, bound: 'messages' | 'bytes', limit: number, policy = 'reject', messageBytes?: number) {
    super('QUEUE_FULL', messageBytes !== undefined
      ? `lane "${lane}" cannot take a message of ${messageBytes} bytes: its ${bound} bound is ${limit}`
      : `lane "${lane}" is full: ${bound} bound of ${limit} reached (policy ${policy}); retry when the peer has caught up`);
    this.name = 'QueueFullError';
    this.lane = lane;
    this.bound = bound;
    this.limit = limit;
  }
}

/** The hub was closed. */
export class ClosedError extends IsthmusError {
  constructor(what: string) {
    super('CLOSED', `${what} is closed`);
    this.name = 'ClosedError';
  }
}
