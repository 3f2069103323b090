/**
 * When links write: one scheduler per hub. The first message of an event-loop
 * turn goes out at once (an idle hub adds no delay); everything else sent in
 * that turn is batched, and every link with something to send is flushed
 * once, together, at the end of the turn. One scheduler for a cloud hub's
 * thousand links costs one setImmediate per turn, not one per link, and a
 * fan-out burst does not start with a one-message frame to every edge.
 */
export interface Flushable {
  flushNow(): void;
}

export class FlushScheduler {
  private readonly dirty = new Set<Flushable>();
  private armed = false;
  private sentThisTurn = false;

  request(link: Flushable): void {
    if (!this.sentThisTurn) {
      this.sentThisTurn = true;
      link.flushNow();
    } else {
      this.dirty.add(link);
    }
    this.arm();
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    setImmediate(() => {
      this.armed = false;
      this.sentThisTurn = false;
      if (this.dirty.size === 0) return;
      const links = [...this.dirty];
      this.dirty.clear();
      for (const l of links) l.flushNow();
    });
  }
}
