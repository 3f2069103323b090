/**
 * One tunnel stream: both directions of bytes, their credit, and the state
 * machine of SPEC.md §15.6. Outbound data, FIN and Exit share one ordered
 * queue, so the order is always data, then FIN, then exit status; the
 * session's scheduler drains the queues of all streams in turn. Inbound data
 * goes to the reader, which gives the credit back as it consumes.
 */
import { EventEmitter } from 'node:events';
import { encodeFrame, encodeStreamData } from '../proto/index.js';
import { encodeStreamFin, encodeStreamOk, encodeStreamReset, encodeStreamWindow, frameInPlace } from './frames.js';
import { StreamCode, StreamError } from './codes.js';
import { INITIAL_WINDOW } from './config.js';
import { ReceiveWindow } from './window.js';

export type StreamRole = 'opener' | 'acceptor';
export type StreamState = 'opening' | 'open' | 'closed';

/** How the acceptor's side ended; always the last frame of a stream. */
export interface ExitStatus {
  code: number;
  signal?: string;
  message?: string;
}

export interface StreamEvents {
  /** The acceptor took the stream (opener side). */
  ok: [];
  /** The peer's write direction is done. */
  fin: [];
  /** The acceptor's exit status (opener side); 'close' follows. */
  exit: [status: ExitStatus];
  resize: [cols: number, rows: number];
  /** The write queue went below writeBufferBytes again. */
  drain: [];
  /** The stream is over: null when it ended normally, else why (fail, reset, link lost). */
  close: [error: StreamError | null];
}

/** Reader of inbound bytes; must call stream.consumed(n) once it is done with them. */
export type StreamReader = (channel: number, chunk: Buffer) => void;

/** What a stream needs of its session. */
export interface StreamHost {
  readonly maxDataFrameBytes: number;
  readonly writeBufferBytes: number;
  readonly maxWindowBytes: number;
  /** Where DATA frames are encoded (a reused buffer when the socket copies them). */
  readonly frameAlloc: (size: number) => Buffer;
  sendControl(frame: Uint8Array): void;
  /** The stream has something to send now. */
  ready(stream: Stream): void;
  rttMs(): number | null;
  /** The stream is over: forget it. */
  streamClosed(stream: Stream): void;
}

type Item = { channel: number; chunk: Buffer } | { fin: true } | { exit: ExitStatus };

export class Stream extends EventEmitter<StreamEvents> {
  state: StreamState;
  /** This side's write direction is done (FIN queued). */
  finQueued = false;
  /** This side sent its FIN. */
  localFin = false;
  /** The peer sent its FIN. */
  remoteFin = false;
  exitStatus: ExitStatus | null = null;
  error: StreamError | null = null;
  /** Bytes queued and not yet framed (writer's view, for backpressure). */
  queuedBytes = 0;
  /** Bytes this side may still send (the peer's window). */
  credit = INITIAL_WINDOW;
  readonly createdAt = Date.now();
  private readonly window: ReceiveWindow;
  private readonly queue: Item[] = [];
  /** Offset into the head chunk already sent. */
  private headOffset = 0;
  /** The chunk the last frame was framed in place over (see takeInPlace). */
  private inPlace: Buffer | null = null;
  private exitQueued = false;
  private wantDrain = false;
  private reader: StreamReader | null = null;
  /** Inbound bytes held until a reader is set (bounded by the window). */
  private early: Array<[number, Buffer]> | null = [];

  constructor(
    private readonly host: StreamHost,
    readonly id: number,
    readonly kind: string,
    readonly params: Record<string, unknown>,
    readonly role: StreamRole,
  ) {
    super();
    this.state = 'opening';
    this.window = new ReceiveWindow(host.maxWindowBytes);
  }

  get closed(): boolean {
    return this.state === 'closed';
  }

  /** Current receive window, bytes (grows with the bandwidth-delay product). */
  get windowBytes(): number {
    return this.window.size;
  }

  /** Largest payload of one DATA frame on this stream's socket (a reader's useful buffer size). */
  get maxDataFrameBytes(): number {
    return this.host.maxDataFrameBytes;
  }

  // ---- the application's side ----

  /** Sets the reader of inbound bytes; bytes that came before are handed over at once. */
  setReader(reader: StreamReader): void {
    this.reader = reader;
    const early = this.early;
    this.early = null;
    if (early) for (const [ch, chunk] of early) reader(ch, chunk);
  }

  /** Gives back credit for n bytes the reader is done with. */
  consumed(n: number): void {
    if (this.state === 'closed' || this.remoteFin || n <= 0) return;
    const inc = this.window.consumed(n, this.host);
    if (inc) this.host.sendControl(encodeStreamWindow(this.id, inc));
  }

  /**
   * Queues bytes on a channel (0 main, 2 stderr). Returns false once the
   * queue holds writeBufferBytes or more: wait for 'drain'. The bytes are
   * not copied: do not reuse the buffer.
   */
  write(chunk: Uint8Array, channel = 0): boolean {
    if (this.state === 'closed' || this.finQueued) return false;
    if (chunk.length === 0) return this.queuedBytes < this.host.writeBufferBytes;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    this.queue.push({ channel, chunk: buf });
    this.queuedBytes += buf.length;
    this.poke();
    if (this.queuedBytes >= this.host.writeBufferBytes) {
      this.wantDrain = true;
      return false;
    }
    return true;
  }

  /** Half-close: this side writes no more. The FIN goes after the queued bytes. */
  end(): void {
    if (this.state === 'closed' || this.finQueued) return;
    this.finQueued = true;
    this.queue.push({ fin: true });
    this.poke();
  }

  /**
   * Acceptor only: ends the stream with an exit status, after the queued
   * bytes and the FIN. The stream closes once the Exit frame is written.
   */
  exit(status: ExitStatus): void {
    if (this.role !== 'acceptor') throw new Error('only the side that accepted a stream sends its exit status');
    if (this.state === 'closed' || this.exitQueued) return;
    this.end();
    this.exitQueued = true;
    this.queue.push({ exit: status });
    this.poke();
  }

  /** Aborts both directions at once, discarding what is queued. */
  reset(code: number = StreamCode.CANCEL, message = ''): void {
    if (this.state === 'closed') return;
    this.host.sendControl(encodeStreamReset(this.id, code, message.slice(0, 1024)));
    this.finish(new StreamError(code, message || 'reset by this side'));
  }

  /** Opener only: tells a TTY its new size. */
  resize(cols: number, rows: number): void {
    if (this.state === 'closed') return;
    this.host.sendControl(encodeFrame({ streamResize: { id: this.id, cols, rows } }));
  }

  /** Acceptor only: takes the stream (StreamOk); queued bytes may go from now on. */
  accept(): void {
    if (this.role !== 'acceptor' || this.state !== 'opening') return;
    this.state = 'open';
    this.host.sendControl(encodeStreamOk(this.id));
    this.poke();
  }

  /** Acceptor only, before accept(): refuses the stream (StreamFail). */
  fail(code: number, message: string): void {
    if (this.role !== 'acceptor' || this.state !== 'opening') return;
    this.host.sendControl(encodeFrame({ streamFail: { id: this.id, code, message: message.slice(0, 1024) } }));
    this.finish(new StreamError(code, message));
  }

  // ---- the session's side ----

  /** Has a frame to send now (data with credit, FIN or Exit). */
  sendable(): boolean {
    if (this.state === 'closed' || this.queue.length === 0) return false;
    if (this.role === 'acceptor' && this.state === 'opening') return false;
    const head = this.queue[0]!;
    return !('chunk' in head) || this.credit > 0;
  }

  /** Builds the next frame: data of one channel (≤ maxDataFrameBytes and the credit), a FIN or an Exit. */
  nextFrame(): Uint8Array | null {
    if (!this.sendable()) return null;
    const head = this.queue[0]!;
    if ('fin' in head) {
      this.queue.shift();
      this.localFin = true;
      const frame = encodeStreamFin(this.id);
      // An acceptor without an exit of its own ends once both directions are done.
      if (this.role === 'acceptor' && this.remoteFin && !this.exitQueued) this.exit({ code: 0 });
      return frame;
    }
    if ('exit' in head) {
      this.queue.shift();
      const frame = encodeFrame({ streamExit: { id: this.id, exitCode: head.exit.code, signal: head.exit.signal ?? '', message: (head.exit.message ?? '').slice(0, 1024) } });
      this.exitStatus = head.exit;
      this.finish(null);
      return frame;
    }
    const channel = head.channel;
    let budget = Math.min(this.credit, this.host.maxDataFrameBytes);
    // A whole chunk read into a buffer with header room (port-forward): framed without a copy.
    if (channel === 0 && this.headOffset === 0 && head.chunk.length <= budget) {
      const frame = frameInPlace(this.id, head.chunk);
      if (frame) {
        this.queue.shift();
        this.sent(head.chunk.length);
        this.inPlace = head.chunk;
        return frame;
      }
    }
    const parts: Buffer[] = [];
    let length = 0;
    while (budget > 0 && this.queue.length) {
      const item = this.queue[0]!;
      if (!('chunk' in item) || item.channel !== channel) break;
      const left = item.chunk.length - this.headOffset;
      const take = Math.min(left, budget);
      parts.push(this.headOffset === 0 && take === item.chunk.length ? item.chunk : item.chunk.subarray(this.headOffset, this.headOffset + take));
      length += take;
      budget -= take;
      if (take === left) {
        this.queue.shift();
        this.headOffset = 0;
      } else {
        this.headOffset += take;
      }
    }
    this.sent(length);
    return encodeStreamData(this.id, channel, parts, length, this.host.frameAlloc);
  }

  /** The read buffer the frame nextFrame() just returned was framed in place over, if it was: the session recycles it once sent. */
  takeInPlace(): Buffer | null {
    const chunk = this.inPlace;
    this.inPlace = null;
    return chunk;
  }

  private sent(length: number): void {
    this.credit -= length;
    this.queuedBytes -= length;
    if (this.wantDrain && this.queuedBytes < this.host.writeBufferBytes) {
      this.wantDrain = false;
      queueMicrotask(() => { if (this.state !== 'closed') this.emit('drain'); });
    }
  }

  onOk(): void {
    if (this.role !== 'opener' || this.state !== 'opening') return;
    this.state = 'open';
    this.emit('ok');
  }

  onFail(code: number, message: string): void {
    this.finish(new StreamError(code, message || 'refused by the peer'));
  }

  /** Returns false when the peer overran the window. */
  onData(channel: number, chunk: Buffer): boolean {
    if (this.remoteFin) return false;
    if (!this.window.receive(chunk.length)) return false;
    if (chunk.length === 0) return true;
    if (this.reader) this.reader(channel, chunk);
    else this.early!.push([channel, chunk]);
    return true;
  }

  onWindow(increment: number): void {
    const before = this.credit;
    this.credit = Math.min(this.credit + increment, 2 ** 32);
    if (before <= 0 && this.sendable()) this.host.ready(this);
  }

  onFin(): void {
    if (this.remoteFin) return;
    this.remoteFin = true;
    this.emit('fin');
    if (this.role === 'acceptor' && this.localFin && !this.exitQueued) this.exit({ code: 0 });
  }

  onExit(status: ExitStatus): void {
    if (this.role !== 'opener') return;
    this.exitStatus = status;
    this.emit('exit', status);
    this.finish(null);
  }

  onReset(code: number, message: string): void {
    this.finish(new StreamError(code, message || 'reset by the peer'));
  }

  onResize(cols: number, rows: number): void {
    this.emit('resize', cols, rows);
  }

  /** The socket went away: the stream cannot survive it. */
  lost(): void {
    this.finish(new StreamError(StreamCode.LINK_LOST, 'the link to the peer was lost'));
  }

  private poke(): void {
    if (this.sendable()) this.host.ready(this);
  }

  private finish(error: StreamError | null): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.error = error;
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.early = null;
    this.reader = null;
    this.host.streamClosed(this);
    this.emit('close', error);
  }
}
