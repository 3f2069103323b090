/**
 * The inbox: what one side has delivered of a peer's lanes (a watermark per
 * lane of the peer's current epoch) and the newest version of every object the
 * peer told it about. The in-memory store and the durable store implement it.
 */
import { LANE_COUNT } from './lane.js';

export interface Inbox {
  /** The peer's outbox epoch the watermarks belong to ('' before the first session). */
  readonly epoch: string;
  /** Switches to the peer's current epoch; a new epoch starts every watermark at 0. */
  useEpoch(epoch: string): void;
  watermark(lane: number): number;
  advance(lane: number, seq: number): void;
  /** Newest resource version seen of an object, or undefined. */
  objectVersion(key: string): number | undefined;
  setObjectVersion(key: string, version: number): void;
  /**
   * Writes the watermarks, versions and resource cache changed since the last
   * commit and runs `deliver` (the application's handlers) in one transaction:
   * what the handlers write to the hub's key-value store commits with the
   * watermark, or not at all. Once it is committed (returned, or resolved), a
   * crash of this process cannot deliver these messages again. Commits happen
   * in call order. Throws or rejects if the store cannot write.
   */
  commit(deliver: () => void): Promise<void> | void;
  /** Resolves once the last commit is synced to disk (survives power loss); acks wait for it. */
  synced(): Promise<void> | void;
  close(): Promise<void> | void;
}

export class MemoryInbox implements Inbox {
  epoch = '';
  private marks = new Array<number>(LANE_COUNT).fill(0);
  private readonly versions = new Map<string, number>();

  useEpoch(epoch: string): void {
    if (epoch === this.epoch) return;
    this.epoch = epoch;
    this.marks = new Array<number>(LANE_COUNT).fill(0);
  }

  watermark(lane: number): number {
    return this.marks[lane]!;
  }

  advance(lane: number, seq: number): void {
    this.marks[lane] = seq;
  }

  objectVersion(key: string): number | undefined {
    return this.versions.get(key);
  }

  setObjectVersion(key: string, version: number): void {
    this.versions.set(key, version);
  }

  commit(deliver: () => void): void {
    deliver();
  }
  synced(): void {}
  close(): void {}
}
