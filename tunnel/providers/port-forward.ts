/**
 * The port-forward provider: a TCP connection to one of the pod's declared
 * ports, accepted once connected. The socket and the stream are wired to each
 * other directly, without Node stream adapters: the socket reads into
 * buffers with room for the frame header in front (tunnel/frames.ts), so a
 * read becomes a DATA frame without copying it; inbound bytes are credited
 * back as the socket takes them (after its 'drain' when it is full). Each
 * side's end is a half-close (FIN); both done ends the stream.
 */
import { connect } from 'node:net';
import { StreamCode, StreamError } from '../codes.js';
import { headroomBuffer, headroomPrefix } from '../frames.js';
import type { Provider } from '../provider.js';
import type { Stream } from '../stream.js';
import { optInt } from './params.js';

/** A socket read's first buffer size, as Node's own; it doubles while reads fill it, up to one DATA frame (at most MAX_READ_BYTES). */
const READ_BYTES = 64 * 1024;
const MAX_READ_BYTES = 1024 * 1024;
/** Unsent bytes the target's socket may hold while credit still goes back to the cloud. */
const SOCKET_SLACK = 64 * 1024;
/** Reads up to this size are copied out, and the read buffer is used again (interactive traffic). */
const SMALL_READ = 4096;

export const portForwardProvider: Provider = (stream, ctx) => new Promise<void>((resolve, reject) => {
  const pod = ctx.pod(stream.params.pod);
  const port = optInt(stream.params.port, 'port', 1, 65535);
  if (port === null) throw new StreamError(StreamCode.BAD_PARAMS, 'port is required');
  const target = pod.ports.get(port);
  if (!target) throw new StreamError(StreamCode.FORBIDDEN, `port ${port} is not declared for pod "${pod.name}" on this edge`);
  const most = Math.min(MAX_READ_BYTES, stream.maxDataFrameBytes);
  let size = Math.min(READ_BYTES, most);
  let buf = headroomBuffer(size);
  const sock = connect({
    host: target.host, port: target.port, noDelay: true,
    // The target's FIN is the stream's FIN; the cloud's direction goes on until its own FIN.
    allowHalfOpen: true,
    onread: {
      buffer: () => buf,
      callback: (n: number, b: Uint8Array): boolean => {
        if (stream.closed) return false;
        let chunk: Buffer;
        if (n <= SMALL_READ) {
          chunk = Buffer.from(b.subarray(0, n));
        } else {
          chunk = headroomPrefix(b as Buffer, n);
          // A full read says more is waiting: read more at once (fewer reads, frames and writes); a short one, less.
          if (n === size && size < most) size = Math.min(most, size * 2);
          else if (n < size / 4 && size > READ_BYTES) size = Math.max(READ_BYTES, Math.floor(size / 2));
          buf = headroomBuffer(size);
        }
        // A full queue pauses the socket until it drains: the stream's credit is the bound.
        if (!stream.write(chunk)) sock.pause();
        return true;
      },
    },
  });
  let connected = false;
  sock.on('error', (err) => {
    if (!connected) reject(new StreamError(StreamCode.NOT_FOUND, `cannot connect to ${target.host}:${target.port} for pod "${pod.name}" port ${port}: ${err.message}`));
    else if (!stream.closed) stream.reset(StreamCode.INTERNAL, `socket error: ${err.message}`);
  });
  sock.once('connect', () => {
    connected = true;
    stream.accept();
    resolve();
    wire(stream, sock);
  });
});

function wire(stream: Stream, sock: import('node:net').Socket): void {
  let held = 0;
  stream.setReader((_channel, chunk) => {
    if (sock.destroyed || sock.writableEnded) return stream.consumed(chunk.length);
    // Credit goes back while the socket holds at most SOCKET_SLACK unsent: as the Duplex adapter's
    // 64 KiB did, it keeps the sender going while the kernel drains; beyond it, after 'drain'.
    sock.write(chunk);
    if (sock.writableLength <= SOCKET_SLACK) stream.consumed(chunk.length);
    else held += chunk.length;
  });
  sock.on('drain', () => {
    if (!held) return;
    const n = held;
    held = 0;
    stream.consumed(n);
  });
  // Socket.pause/resume stop and start the reads of an onread socket.
  stream.on('drain', () => { if (sock.isPaused()) sock.resume(); });
  // The opener may have sent its FIN before the connection was up (optimistic open): the early bytes went above.
  if (stream.remoteFin) sock.end();
  else stream.once('fin', () => sock.end());
  sock.once('end', () => stream.end());
  stream.once('close', (error) => { if (error) sock.destroy(); });
  sock.on('close', () => {
    if (!stream.closed && !(stream.localFin || stream.finQueued)) stream.reset(StreamCode.INTERNAL, 'connection closed');
  });
}
