/** What one side received: per lane, the payload counters in arrival order. */
import type { LaneName } from '../../index.js';

export const LANES: LaneName[] = ['control', 'state', 'events', 'bulk'];

export class Tally {
  readonly seen = new Map<LaneName, number[]>(LANES.map((l) => [l, []]));
  total = 0;
  add(lane: LaneName, n: number): void {
    this.seen.get(lane)!.push(n);
    this.total++;
  }
}
