/**
 * Sends a fixed number of messages through an Isthmus publisher with many
 * sends in flight at once, for the store benchmarks.
 *
 * Why not bench/acked-window.ts: it awaits each send before the next, which
 * is free with the in-memory outbox (a send resolves at once) but serialises
 * the durable one (a send resolves after its commit is synced), so that each
 * commit would hold one message. Here sends overlap: up to `inFlight` are
 * issued and not yet durable, so that lmdb-js groups whatever arrives during
 * one commit into the next (group commit). Durability is checked at
 * checkpoints: commits complete in order, so one send in `inFlight / 8`
 * resolving means every earlier one is durable too.
 *
 * Acks are bounded as in acked-window.ts: one receipt in `every` is a
 * checkpoint, at most `marks` checkpoints are outstanding (skip with
 * marks = Infinity, e.g. for an offline peer).
 */
import type { Delivery, Receipt } from '../../index.js';

export interface PipelineOptions {
  /** Most sends issued and not yet resolved (not yet durable). */
  inFlight: number;
  /** Wait on the receipt of one message in this many (acked window). */
  every: number;
  /** Most ack checkpoints outstanding; Infinity: do not wait for acks at all. */
  marks: number;
  /** Checked between messages: stop early (deadline passed). */
  aborted?: () => boolean;
}

export interface Pipelined {
  /** Messages sent (all durable when the promise resolves). */
  sent: number;
  /** The receipt of the last one: its `delivered` says that all were acked (acks are cumulative). */
  last: Receipt | null;
}

/** Durability checkpoints per in-flight window. */
const STEPS = 8;

export async function sendPipelined(count: number, send: (i: number) => Promise<Receipt>, o: PipelineOptions): Promise<Pipelined> {
  let failure: unknown = null;
  const fail = (err: unknown): void => { failure ??= err; };
  const step = Math.max(1, Math.floor(o.inFlight / STEPS));
  const durable: Promise<unknown>[] = [];
  const marks: Promise<Delivery | undefined>[] = [];
  let last: Promise<Receipt> | null = null;
  let i = 0;
  for (; i < count && failure === null && !o.aborted?.(); i++) {
    const p = send(i);
    last = p;
    // Every promise gets a handler at once: a rejection is reported, never unhandled.
    const settled = p.then(undefined, fail);
    if ((i + 1) % step === 0) {
      durable.push(settled);
      if (durable.length >= STEPS) await durable.shift();
    }
    if (Number.isFinite(o.marks) && (i + 1) % o.every === 0 && i + 1 < count) {
      marks.push(p.then((r) => r.delivered, () => undefined));
      if (marks.length > o.marks) check(await marks.shift());
    }
  }
  const receipt = last ? await last.catch((err: unknown) => { fail(err); return null; }) : null;
  if (failure !== null) throw failure;
  if (receipt && Number.isFinite(o.marks)) check(await receipt.delivered);
  return { sent: i, last: receipt };
}

function check(d: Delivery | undefined): void {
  if (d && d.status !== 'delivered') throw new Error(`a benchmark message was ${d.status} (${d.reason ?? ''}): lane bounds too small for the window?`);
}
