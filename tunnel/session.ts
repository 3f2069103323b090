/**
 * The streams of one socket: id allocation, limits, dispatch of inbound
 * stream frames, and the write scheduler. Data frames go straight to the
 * socket, never through the outbox, one frame per ready stream in turn
 * (round robin), and only while the socket library holds less than
 * highWaterBytes, so a message batch of the link finds room after at most one
 * data frame and a stalled stream takes nothing from the others. A session
 * lives and dies with its socket: when the socket goes, every stream resets.
 */
import { encodeFrame, MAX_STREAM_KIND_LENGTH, MAX_STREAM_PARAMS_BYTES, ProtocolError, type Frame } from '../proto/index.js';
import { StreamCode, StreamError } from './codes.js';
import { encodeStreamOpen, recycleHeadroom, scratchFrame } from './frames.js';
import type { TunnelConfig } from './config.js';
import type { StreamPath } from './path.js';
import { Stream, type StreamHost } from './stream.js';

/** Shared by the sessions of one hub: the per-hub stream bound. */
export class StreamBudget {
  used = 0;
  constructor(readonly max: number) {}
}

export interface SessionStats {
  opened: number;
  accepted: number;
  refused: number;
  resets: number;
  /** Frames for streams already closed here (in flight when it closed): ignored. */
  late: number;
  bytesIn: number;
  bytesOut: number;
}

export interface SessionOptions {
  /** 'cloud' opens odd ids, 'edge' even ones. */
  side: 'cloud' | 'edge';
  path: StreamPath;
  config: TunnelConfig;
  budget: StreamBudget;
  /** A stream the peer opened: accept() or fail() it. */
  onOpen: (stream: Stream) => void;
  /** Overrides path.sendCopies (the cloud knows all its paths are uWS sockets). */
  sendCopies?: boolean;
}

export class TunnelSession implements StreamHost {
  readonly streams = new Map<number, Stream>();
  readonly stats: SessionStats = { opened: 0, accepted: 0, refused: 0, resets: 0, late: 0, bytesIn: 0, bytesOut: 0 };
  readonly maxDataFrameBytes: number;
  readonly writeBufferBytes: number;
  readonly maxWindowBytes: number;
  readonly frameAlloc: (size: number) => Buffer;
  /** path.send() copies: DATA frames go through one reused buffer, read buffers are recycled. */
  private readonly sendCopies: boolean;
  private readonly path: StreamPath;
  private readonly config: TunnelConfig;
  private readonly budget: StreamBudget;
  private readonly onOpen: (stream: Stream) => void;
  /** Streams with a frame to send, in turn order. */
  private readonly readySet = new Set<Stream>();
  private nextId: number;
  /** Highest id the peer opened: ids only grow, so an id at or below it that we do not know is a late frame. */
  private peerMaxId = 0;
  private readonly peerParity: number;
  private flushQueued = false;
  /** Inside receive(): with path.deferInReceive, writes wait for afterReceive(). */
  private receiving = 0;
  private readonly deferred: Uint8Array[] = [];
  private afterQueued = false;
  private flushAfter = false;
  private blocked = false;
  private closedFlag = false;

  constructor(o: SessionOptions) {
    this.path = o.path;
    this.config = o.config;
    this.budget = o.budget;
    this.onOpen = o.onOpen;
    this.maxDataFrameBytes = o.config.maxDataFrameBytes;
    this.writeBufferBytes = o.config.writeBufferBytes;
    this.maxWindowBytes = o.config.maxWindowBytes;
    this.sendCopies = o.sendCopies ?? o.path.sendCopies ?? false;
    this.frameAlloc = this.sendCopies ? scratchFrame : Buffer.allocUnsafe;
    this.nextId = o.side === 'cloud' ? 1 : 2;
    this.peerParity = o.side === 'cloud' ? 0 : 1;
  }

  get id(): string {
    return this.path.id;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  rttMs(): number | null {
    return this.path.rttMs();
  }

  /** Opens a stream to the peer. Throws StreamError(LIMIT) when a bound is reached. */
  open(kind: string, params: Record<string, unknown>): Stream {
    if (this.closedFlag) throw new StreamError(StreamCode.LINK_LOST, 'the link to the peer is down');
    this.checkRoom('');
    if (this.nextId > 0xffff_fffe) throw new StreamError(StreamCode.LIMIT, 'stream ids of this connection are used up; it must reconnect');
    const id = this.nextId;
    this.nextId += 2;
    const json = Buffer.from(JSON.stringify(params), 'utf8');
    if (!kind || kind.length > MAX_STREAM_KIND_LENGTH) throw new StreamError(StreamCode.BAD_PARAMS, `kind must be 1 to ${MAX_STREAM_KIND_LENGTH} characters`);
    if (json.length > MAX_STREAM_PARAMS_BYTES) throw new StreamError(StreamCode.BAD_PARAMS, `params of ${json.length} bytes exceed ${MAX_STREAM_PARAMS_BYTES}`);
    const stream = new Stream(this, id, kind, params, 'opener');
    this.add(stream);
    this.stats.opened++;
    this.sendControl(encodeStreamOpen(id, kind, json));
    return stream;
  }

  /** Handles one inbound stream frame. Throws ProtocolError on a frame the protocol forbids. */
  receive(frame: Frame): void {
    if (this.closedFlag) return;
    if (!this.path.deferInReceive) return this.dispatch(frame);
    this.receiving++;
    try {
      this.dispatch(frame);
    } finally {
      this.receiving--;
    }
  }

  private dispatch(frame: Frame): void {
    if (frame.body === 'streamOpen') return this.opened(frame.streamOpen!);
    const body = frame[frame.body as 'streamOk']!;
    const id = body.id!;
    const stream = this.streams.get(id);
    if (!stream) {
      this.checkKnown(id, frame.body!);
      this.stats.late++;
      return;
    }
    switch (frame.body) {
      case 'streamOk': stream.onOk(); break;
      case 'streamFail': stream.onFail(frame.streamFail!.code ?? 0, frame.streamFail!.message ?? ''); break;
      case 'streamData': {
        const d = frame.streamData!;
        const data = d.data as Buffer;
        this.stats.bytesIn += data.length;
        if (!stream.onData(d.channel ?? 0, data)) {
          // Over the window or after FIN: the peer broke the stream's contract; this stream alone pays.
          stream.reset(StreamCode.FLOW_CONTROL, stream.remoteFin ? 'data after FIN' : `data beyond the window of ${stream.windowBytes} bytes`);
        }
        break;
      }
      case 'streamWindow': stream.onWindow(frame.streamWindow!.increment!); break;
      case 'streamFin': stream.onFin(); break;
      case 'streamReset': this.stats.resets++; stream.onReset(frame.streamReset!.code ?? 0, frame.streamReset!.message ?? ''); break;
      case 'streamExit': {
        const e = frame.streamExit!;
        stream.onExit({ code: e.exitCode ?? 0, ...(e.signal ? { signal: e.signal } : {}), ...(e.message ? { message: e.message } : {}) });
        break;
      }
      case 'streamResize': stream.onResize(frame.streamResize!.cols!, frame.streamResize!.rows!); break;
      default: throw new ProtocolError(`unexpected ${frame.body} frame in the tunnel`);
    }
  }

  /** The socket drained: go on writing. */
  writable(): void {
    if (!this.blocked) return;
    this.blocked = false;
    // Called from the socket library's drain (uWS) or write (ws) callback: write on the next
    // turn. Over TLS, writing from there dropped a busy path of a two-path edge (1006).
    this.flushAfter = true;
    this.scheduleAfter();
  }

  /** This side is shutting down: tell the peer (StreamReset SHUTDOWN) before the socket goes. */
  shutdown(reason: string): void {
    for (const s of [...this.streams.values()]) s.reset(StreamCode.SHUTDOWN, reason);
  }

  /** The socket is gone: every stream resets (LINK_LOST). */
  close(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.readySet.clear();
    for (const s of [...this.streams.values()]) s.lost();
  }

  // ---- StreamHost ----

  sendControl(frame: Uint8Array): void {
    if (this.closedFlag) return;
    if (this.receiving || this.deferred.length) {
      this.deferred.push(frame);
      this.scheduleAfter();
    } else {
      this.path.send(frame);
    }
  }

  ready(stream: Stream): void {
    if (this.closedFlag) return;
    this.readySet.add(stream);
    if (this.receiving || this.deferred.length) {
      this.flushAfter = true;
      this.scheduleAfter();
      return;
    }
    if (!this.flushQueued && !this.blocked) {
      this.flushQueued = true;
      // Writes of the same turn go out together: fewer, fuller frames.
      queueMicrotask(() => { this.flushQueued = false; this.flush(); });
    }
  }

  streamClosed(stream: Stream): void {
    if (this.streams.delete(stream.id)) this.budget.used--;
    this.readySet.delete(stream);
  }

  // ---- internals ----

  private scheduleAfter(): void {
    if (this.afterQueued) return;
    this.afterQueued = true;
    setImmediate(() => this.afterReceive());
  }

  /** Out of the receive callback: control frames first, in order, then data. */
  private afterReceive(): void {
    this.afterQueued = false;
    if (this.closedFlag) { this.deferred.length = 0; return; }
    const frames = this.deferred.splice(0);
    for (const f of frames) this.path.send(f);
    if (this.flushAfter) {
      this.flushAfter = false;
      if (!this.blocked) this.flush();
    }
  }

  private flush(): void {
    const path = this.path;
    const hw = this.config.highWaterBytes;
    while (this.readySet.size && !this.closedFlag) {
      if (path.bufferedAmount() >= hw) {
        this.blocked = true;
        return;
      }
      const stream = this.readySet.values().next().value as Stream;
      this.readySet.delete(stream);
      const frame = stream.nextFrame();
      if (!frame) continue;
      if (stream.sendable()) this.readySet.add(stream);
      this.stats.bytesOut += frame.length;
      const chunk = stream.takeInPlace();
      if (chunk === null) {
        path.send(frame);
      } else if (path.sendOwned) {
        path.sendOwned(frame as Buffer, () => recycleHeadroom(chunk));
      } else {
        path.send(frame);
        if (this.sendCopies) recycleHeadroom(chunk);
      }
    }
  }

  private opened(o: { id?: number | null; kind?: string | null; params?: Uint8Array | null }): void {
    const id = o.id!;
    if (id % 2 !== this.peerParity || id <= this.peerMaxId) {
      throw new ProtocolError(`stream_open.id ${id} is not a new ${this.peerParity ? 'odd' : 'even'} id above ${this.peerMaxId}`);
    }
    this.peerMaxId = id;
    let params: Record<string, unknown> = {};
    let bad = '';
    if (o.params?.length) {
      try {
        const parsed: unknown = JSON.parse(Buffer.from(o.params.buffer, o.params.byteOffset, o.params.length).toString('utf8'));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Record<string, unknown>;
        else bad = 'params must be a JSON object';
      } catch (err) {
        bad = `params are not JSON: ${(err as Error).message}`;
      }
    }
    const stream = new Stream(this, id, o.kind!, params, 'acceptor');
    try {
      this.checkRoom('this edge ');
    } catch (err) {
      this.stats.refused++;
      this.sendControl(encodeFailFrame(id, StreamCode.LIMIT, (err as Error).message));
      return;
    }
    this.add(stream);
    if (bad) {
      this.stats.refused++;
      stream.fail(StreamCode.BAD_PARAMS, bad);
      return;
    }
    this.stats.accepted++;
    try {
      this.onOpen(stream);
    } catch (err) {
      stream.fail(err instanceof StreamError ? err.code : StreamCode.INTERNAL, (err as Error).message);
    }
  }

  private checkRoom(who: string): void {
    if (this.streams.size >= this.config.maxStreamsPerNode) {
      throw new StreamError(StreamCode.LIMIT, `${who}node has ${this.streams.size} open streams, the most allowed (maxStreamsPerNode)`);
    }
    if (this.budget.used >= this.budget.max) {
      throw new StreamError(StreamCode.LIMIT, `${who}hub has ${this.budget.used} open streams, the most allowed (maxStreamsPerHub)`);
    }
  }

  private add(stream: Stream): void {
    this.streams.set(stream.id, stream);
    this.budget.used++;
  }

  /** A frame for an id not open here: late (ignored) if the id was used, a protocol error if never. */
  private checkKnown(id: number, body: string): void {
    const ours = id % 2 !== this.peerParity;
    const used = ours ? id < this.nextId : id <= this.peerMaxId;
    if (!used) throw new ProtocolError(`${body} for stream ${id}, which was never opened`);
  }
}

function encodeFailFrame(id: number, code: number, message: string): Uint8Array {
  return encodeFrame({ streamFail: { id, code, message: message.slice(0, 1024) } });
}
