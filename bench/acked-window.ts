/**
 * Sends a fixed number of messages through an Isthmus publisher and returns
 * once the last one is acknowledged, keeping a bounded number unacked.
 *
 * Why a window: the outbox bounds each lane (100k messages by default, policy
 * "reject"), and a real publisher must not outrun its peer anyway. Why
 * checkpoints: asking every receipt for `delivered` would create one promise
 * per message; acks are cumulative, so one receipt in `every` says as much.
 */
import { DefaultLanePolicies, type Delivery, type LaneName, type Receipt } from '../index.js';

export interface WindowOptions {
  /** Wait on the receipt of one message in this many. */
  every: number;
  /** Most checkpoints outstanding: at most every * marks messages unacked. */
  marks: number;
  /** Checked between messages: stop early (deadline passed). */
  aborted?: () => boolean;
}

/** Returns how many messages were sent and acknowledged. */
export async function sendAcked(count: number, send: (i: number) => Promise<Receipt>, o: WindowOptions): Promise<number> {
  const marks: Promise<Delivery>[] = [];
  let last: Receipt | null = null;
  let i = 0;
  for (; i < count && !o.aborted?.(); i++) {
    last = await send(i);
    if ((i + 1) % o.every === 0 && i + 1 < count) {
      marks.push(last.delivered);
      if (marks.length > o.marks) check(await marks.shift()!);
    }
  }
  if (last) check(await last.delivered); // cumulative: the last one acked means all are
  return i;
}

function check(d: Delivery): void {
  if (d.status !== 'delivered') throw new Error(`a benchmark message was ${d.status} (${d.reason ?? ''}): lane bounds too small for the window?`);
}

/**
 * Keeps about 32k messages (32 MB of 1 KB payloads) unacked in all, at most
 * half the lane's bound per target (the control lane holds only 10k), and at
 * least 4 checkpoints per target.
 */
export function windowFor(targets: number, lane: LaneName, budget = 32_768): WindowOptions {
  const perTarget = Math.max(64, Math.min(Math.floor(budget / targets), Math.floor(DefaultLanePolicies[lane].maxMessages / 2)));
  const marks = perTarget >= 32_000 ? 32 : 4;
  return { every: Math.max(16, Math.floor(perTarget / marks)), marks };
}
