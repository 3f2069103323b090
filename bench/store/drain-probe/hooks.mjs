// Instrumentation by prototype patching (probe only). Records, per process, timestamps in epoch ms.
import { performance } from 'node:perf_hooks';
const D = process.env.DIST ?? new URL('../../../dist', import.meta.url).pathname;
const { Link } = await import(`${D}/link/link.js`);
export const now = () => performance.timeOrigin + performance.now();
export const log = { flush: [], frames: [], sends: 0 };
let lastSend = null;
export function patchSocket(proto) {
  const send = proto.send;
  proto.send = function (frame) {
    const b = this.bufferedAmount();
    const t = now();
    send.call(this, frame);
    if (lastSend === null) lastSend = { t, buffered: b, size: frame.length, after: this.bufferedAmount() };
  };
}
const flushPath = Link.prototype.flushPath;
Link.prototype.flushPath = function (path, t, acks) {
  const s0 = path.sent[0];
  lastSend = null;
  const inflight = this.inflightBytes;
  const r = flushPath.call(this, path, t, acks);
  if (path.sent[0] > s0 && lastSend) log.flush.push({ from: s0 + 1, to: path.sent[0], t: lastSend.t, buffered: lastSend.buffered, after: lastSend.after, size: lastSend.size, inflight });
  lastSend = null;
  return r;
};
const receive = Link.prototype.receive;
export let current = null;
Link.prototype.receive = function (frame, conn, t) {
  const t0 = now();
  let ctl = null, n = 0;
  if (frame.body === 'batch') {
    for (const m of frame.batch.messages) { n++; if (m.lane === 0) (ctl ??= []).push(m.seq); }
  }
  const r = receive.call(this, frame, conn, t);
  log.frames.push({ t0, t1: now(), body: frame.body, n, ctl });
  return r;
};
