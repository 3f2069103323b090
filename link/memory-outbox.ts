/**
 * In-memory outbox: for tests, and behind an explicit `--store memory`. Its
 * content dies with the process, so every instance has a new epoch.
 */
import { randomBytes } from 'node:crypto';
import { QueuedOutbox, type Slot } from './queued-outbox.js';

export function newEpoch(): string {
  return randomBytes(8).toString('hex');
}

export class MemoryOutbox extends QueuedOutbox {
  readonly epoch = newEpoch();

  protected write(_lane: number, slot: Slot, bytes: Uint8Array): void {
    slot.bytes = bytes;
  }

  protected erase(): void {}

  protected read(_lane: number, slot: Slot): Uint8Array {
    return slot.bytes!;
  }

  protected durable(): undefined {
    return undefined;
  }

  close(): void {}
}
