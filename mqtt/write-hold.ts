/**
 * One socket write per burst instead of one per MQTT packet. Each outgoing
 * PUBLISH is its own socket write (aedes' setImmediate per delivery, or the
 * publish's own turn for a clean session, in-turn-delivery.ts; one buffer,
 * publish-write.ts), so a batch of N messages from the link would be N write
 * syscalls to each subscriber, and N wake-ups of its process (a fifth of the
 * edge hub's CPU in the QoS 1 throughput run).
 *
 * While a burst is being published, the sockets aedes writes to are corked
 * on their first write and uncorked together once the burst's deliveries
 * have all been written. A lone message (the low-rate case) is never held:
 * holding starts with a burst's second publish. Holding only delays bytes
 * within the burst; every held socket is uncorked, whatever happens.
 */
import type { Socket } from 'node:net';

export class WriteHold {
  /** Publishes in the current synchronous run (reset on the next microtask). */
  private run = 0;
  private holding = false;
  private readonly held = new Set<Socket>();
  private readonly resetRun = (): void => { this.run = 0; };
  private readonly release = (): void => {
    this.holding = false;
    for (const s of this.held) s.uncork();
    this.held.clear();
  };

  /** Tells of one publish about to be handed to aedes; the second of a run starts holding. */
  publishing(): void {
    if (++this.run === 1) queueMicrotask(this.resetRun);
    else if (this.run === 2 && !this.holding) this.hold();
  }

  /** Wraps socket.write so that the socket is corked while a burst is held. */
  watch(socket: Socket): void {
    const write = socket.write as (...a: unknown[]) => boolean;
    const hold = this;
    socket.write = function (this: Socket, ...args: unknown[]): boolean {
      if (hold.holding && !this.destroyed && !hold.held.has(this)) {
        this.cork();
        hold.held.add(this);
      }
      return write.apply(this, args);
    } as Socket['write'];
  }

  /** Writes out what a held socket holds now (before aedes closes a refused client's connection). */
  flush(socket: Socket): void {
    if (this.held.delete(socket)) socket.uncork();
  }

  /**
   * Deliveries are written in this run (clean sessions) or from immediates
   * that aedes queues from the promise callbacks that follow it (persistent
   * sessions). An immediate queued now runs before those; the one it queues
   * runs on the next turn of the loop, after them.
   */
  private hold(): void {
    this.holding = true;
    setImmediate(() => setImmediate(this.release));
  }
}
