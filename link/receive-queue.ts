/**
 * The frames read from one socket, handled in the order they came, except
 * that a batch of control messages goes ahead of queued frames that hold no
 * control message: the control lane's order is kept, and so is every other
 * lane's (their frames never pass one another).
 *
 * Why: during a drain the socket carries a window of 256 KiB bulk frames, and
 * a control message written behind them used to wait until the receiver had
 * decoded and delivered every one of them (each synchronously, in the read
 * callback that completed it). Here a large frame is handled at most once per
 * event-loop turn as it completes; frames that complete meanwhile wait in
 * this queue, so the loop goes on reading the socket, and the next turn takes
 * a control batch found among them first. A control message then waits for
 * at most the one bulk frame in progress, not for the whole window.
 *
 * Idle links pay nothing: a frame that finds the queue empty and no large
 * frame handled this turn is handled at once, as before, with no allocation
 * and no timer; only a large frame arms one setImmediate (to end its turn).
 */
import { classifyFrame, FrameClass } from '../proto/frame-peek.js';
import { TAG_FRAME_BATCH } from '../proto/wire-tags.js';

/** A batch this large (bulk, not an ack or a command) is handled at most once per turn. */
export const YIELD_BYTES = 32 * 1024;

interface Entry {
  readonly run: () => void;
  readonly cls: FrameClass;
  /** The batch's size (0 for other frames): a large one ends the turn. */
  readonly bytes: number;
}

export class ReceiveQueue {
  private entries: Entry[] = [];
  private head = 0;
  /** A large frame was handled this turn: later ones queue until the next. */
  private holding = false;
  private armed = false;
  /** Control batches handled ahead of earlier frames (tests, diagnostics). */
  jumped = 0;
  /** Most frames waiting at once (tests, diagnostics). */
  maxQueued = 0;

  /**
   * True when a frame of `bytes` may be handled right now (then the caller
   * handles it at once); false when it must be queued with push().
   */
  takesNow(firstByte: number | undefined, bytes: number): boolean {
    if (this.holding || this.head < this.entries.length) return false;
    if (bytes >= YIELD_BYTES && firstByte === TAG_FRAME_BATCH) {
      this.holding = true;
      this.arm();
    }
    return true;
  }

  /** Queues a frame (its whole bytes, to classify) and what handles it. */
  push(frame: Uint8Array, run: () => void): void {
    this.add({ run, cls: classifyFrame(frame), bytes: frame[0] === TAG_FRAME_BATCH ? frame.length : 0 });
  }

  /** Queues what handles a frame that nothing may pass and that passes nothing (tunnel data spread over reads). */
  pushBarrier(run: () => void): void {
    this.add({ run, cls: FrameClass.Barrier, bytes: 0 });
  }

  private add(e: Entry): void {
    this.entries.push(e);
    const queued = this.entries.length - this.head;
    if (queued > this.maxQueued) this.maxQueued = queued;
    this.arm();
  }

  get queued(): number {
    return this.entries.length - this.head;
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    setImmediate(this.pump);
  }

  /** Handles queued frames until one large frame has been handled, then yields to the loop (reads, timers). */
  private readonly pump = (): void => {
    this.armed = false;
    try {
      while (this.head < this.entries.length) {
        const e = this.next();
        e.run();
        if (e.bytes >= YIELD_BYTES) break;
      }
    } finally {
      if (this.head < this.entries.length) {
        this.holding = true;
        this.arm();
      } else {
        this.entries = [];
        this.head = 0;
        this.holding = false;
      }
    }
  };

  /** The next frame to handle: the first control batch if only frames without control come before it, else the oldest. */
  private next(): Entry {
    const first = this.entries[this.head]!;
    if (first.cls === FrameClass.NoControl) {
      for (let i = this.head + 1; i < this.entries.length; i++) {
        const e = this.entries[i]!;
        if (e.cls === FrameClass.NoControl) continue;
        if (e.cls === FrameClass.ControlOnly) {
          this.entries.splice(i, 1);
          this.jumped++;
          return e;
        }
        break;
      }
    }
    this.entries[this.head++] = DONE; // let the frame's memory go now
    if (this.head >= COMPACT_AT) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return first;
  }
}

/** Handled entries kept at the front of the array before it is cut (a queue that never empties). */
const COMPACT_AT = 1024;
const DONE: Entry = Object.freeze({ run: () => {}, cls: FrameClass.Barrier, bytes: 0 });
