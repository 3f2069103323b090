/**
 * Node stream faces of a tunnel stream. Credit is given back only as the
 * Node stream's consumer reads: while a Readable is over its high-water mark
 * the bytes it holds are not credited, so the peer stops at the window and a
 * paused reader costs at most window + highWaterMark bytes of memory.
 */
import { Duplex, Readable, Writable } from 'node:stream';
import type { Stream } from './stream.js';

/** A Readable for one inbound channel whose credit follows its consumer. */
class ChannelReadable extends Readable {
  /** Bytes pushed while the consumer was full: credited when it asks for more. */
  held = 0;
  constructor(private readonly stream: Stream, highWaterMark: number) {
    super({ highWaterMark });
  }

  deliver(chunk: Buffer): void {
    if (this.destroyed) { this.stream.consumed(chunk.length); return; }
    if (this.push(chunk)) { const n = chunk.length + this.held; this.held = 0; this.stream.consumed(n); } else this.held += chunk.length;
  }

  override _read(): void {
    if (this.held) {
      const n = this.held;
      this.held = 0;
      this.stream.consumed(n);
    }
  }
}

export interface StreamReadables {
  /** Channel 0: stdout, log bytes, or the socket's bytes. */
  stdout: Readable;
  /** Channel 2: stderr. */
  stderr: Readable;
}

/**
 * Readables for the inbound channels. They end on the peer's FIN (or when the
 * stream closes); a reset also ends them: the reason is the stream's error.
 */
export function streamReadables(stream: Stream, highWaterMark = 64 * 1024): StreamReadables {
  const out = new ChannelReadable(stream, highWaterMark);
  const err = new ChannelReadable(stream, highWaterMark);
  stream.setReader((channel, chunk) => (channel === 2 ? err : out).deliver(chunk));
  const end = (): void => { if (!out.readableEnded) out.push(null); if (!err.readableEnded) err.push(null); };
  if (stream.remoteFin) end();
  else stream.once('fin', end);
  stream.once('close', end);
  return { stdout: out, stderr: err };
}

/** A Writable onto channel 0 whose end() half-closes the stream (FIN). */
export function streamWritable(stream: Stream): Writable {
  const w = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _enc, cb) {
      if (stream.closed) return cb();
      if (stream.write(chunk)) return cb();
      const go = (): void => { stream.off('close', go); stream.off('drain', go); cb(); };
      stream.once('drain', go);
      stream.once('close', go);
    },
    final(cb) { stream.end(); cb(); },
    destroy(e, cb) { if (e && !stream.closed) stream.reset(); cb(e); },
  });
  return w;
}

/**
 * A Duplex over channel 0 both ways (port-forward, custom providers).
 * end() sends FIN; a reset or lost link destroys it with the stream's error.
 */
export function streamDuplex(stream: Stream, highWaterMark = 64 * 1024): Duplex {
  let held = 0;
  const d: Duplex = new Duplex({
    readableHighWaterMark: highWaterMark,
    writableHighWaterMark: highWaterMark,
    read() {
      if (held) { const n = held; held = 0; stream.consumed(n); }
    },
    write(chunk: Buffer, _enc, cb) {
      if (stream.closed) return cb(stream.error ?? undefined);
      if (stream.write(chunk)) return cb();
      const go = (): void => { stream.off('close', go); stream.off('drain', go); cb(); };
      stream.once('drain', go);
      stream.once('close', go);
    },
    final(cb) { stream.end(); cb(); },
    // Auto-destroy after both ends finished is a clean end; anything else aborts the stream.
    destroy(e, cb) { if (!stream.closed && (e || !(stream.finQueued && stream.remoteFin))) stream.reset(); cb(e); },
  });
  stream.setReader((_channel, chunk) => {
    if (d.destroyed) return stream.consumed(chunk.length);
    if (d.push(chunk)) { const n = chunk.length + held; held = 0; stream.consumed(n); } else held += chunk.length;
  });
  if (stream.remoteFin) d.push(null); // a FIN that came with the early bytes, before the Duplex existed
  else stream.once('fin', () => d.push(null));
  stream.once('close', (error) => {
    if (error) d.destroy(error);
    else if (!d.readableEnded) d.push(null);
  });
  return d;
}
