/**
 * Counts messages per client and calls back once, when every client has its
 * quota: that is when a sink reports "done" to the parent, which stops the clock.
 */
export class Tally {
  private readonly counts: Uint32Array;
  private finished = 0;
  total = 0;

  constructor(clients: number, private readonly quota: number, private readonly onDone: (total: number) => void) {
    this.counts = new Uint32Array(clients);
    if (quota === 0) queueMicrotask(() => onDone(0));
  }

  add(client: number, n = 1): void {
    this.total += n;
    const before = this.counts[client]!;
    this.counts[client] = before + n;
    if (before < this.quota && before + n >= this.quota && ++this.finished === this.counts.length) this.onDone(this.total);
  }
}
