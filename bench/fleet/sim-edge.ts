/**
 * One simulated edge for the storm and scale benchmarks: the Isthmus protocol
 * with nothing else (no store, no outbox machinery), so that one process can
 * play thousands of edges. It speaks Hello/Welcome, acks every Batch with the
 * cumulative watermark per lane, answers Pings, keeps watermarks across
 * reconnects (Hello cursors) like a durable edge, publishes one message of its
 * own per run (seq 1 on the events lane) and resends it until acked, and
 * obeys retry-after (HTTP 503 header or GoAway) and backoff with full jitter.
 */
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import { DefaultWireLimits, decodeFrame, encodeFrame, type Welcome, type WireCursor, type WireMessage } from '../../proto/index.js';

export interface SimEdgeOptions {
  url: string;
  node: string;
  token: string;
  localAddress?: string;
  /** Discard batches without acking them (as if lost on the wire): messages stay queued at the hub. */
  hold(): boolean;
  /** Told of each message delivered (first time): lane, seq, payload. */
  onMessage?(lane: number, seq: number, payload: Uint8Array): void;
  backoffBaseMs: number;
  backoffCapMs: number;
}

const EVENTS = 2;

export class SimEdge {
  private ws: WebSocket | null = null;
  private readonly epoch = randomBytes(8).toString('hex');
  private peerEpoch = '';
  private readonly watermark = [0, 0, 0, 0];
  private retryAfterMs = 0;
  private attempt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  online = false;
  /** The hub acked this edge's own message. */
  upAcked = false;
  delivered = 0;
  duplicates = 0;
  held = 0;
  refused = 0;
  connects = 0;
  goAways = 0;

  constructor(private readonly o: SimEdgeOptions) {}

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.terminate();
  }

  private connect(): void {
    this.timer = null;
    if (this.stopped) return;
    const ws = new WebSocket(new URL('/v1/link', this.o.url), {
      headers: { authorization: `Bearer ${this.o.token}`, 'x-isthmus-node': this.o.node },
      perMessageDeflate: false, maxPayload: DefaultWireLimits.maxFrameBytes, handshakeTimeout: 10_000,
      ...(this.o.localAddress ? { localAddress: this.o.localAddress } : {}),
    });
    this.ws = ws;
    ws.on('unexpected-response', (_req, res) => {
      this.refused++;
      const ms = Number(res.headers['x-isthmus-retry-after-ms'] ?? Number(res.headers['retry-after'] ?? 0) * 1000);
      if (ms > 0) this.retryAfterMs = ms;
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      const received: WireCursor[] = this.peerEpoch ? this.watermark.map((seq, lane) => ({ epoch: this.peerEpoch, lane, seq })) : [];
      ws.send(encodeFrame({ hello: { version: 1, node: this.o.node, epoch: this.epoch, received, maxFrameBytes: DefaultWireLimits.maxFrameBytes } }));
    });
    ws.on('message', (data: Buffer) => this.frame(ws, data));
    ws.on('error', () => {});
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.online = false;
      if (this.stopped) return;
      // As the edge hub: the hub's retry-after as is, else backoff with full jitter.
      const wait = this.retryAfterMs > 0 ? this.retryAfterMs : Math.floor(Math.random() * Math.min(this.o.backoffCapMs, this.o.backoffBaseMs * 2 ** this.attempt++));
      this.retryAfterMs = 0;
      this.timer = setTimeout(() => this.connect(), wait);
    });
  }

  private frame(ws: WebSocket, data: Buffer): void {
    const f = decodeFrame(data, DefaultWireLimits);
    switch (f.body) {
      case 'welcome': {
        const w = f.welcome as Welcome;
        if (w.epoch !== this.peerEpoch) { this.peerEpoch = w.epoch; this.watermark.fill(0); }
        this.online = true;
        this.connects++;
        this.attempt = 0;
        if ((w.received ?? []).some((c) => c.epoch === this.epoch && c.lane === EVENTS && (c.seq ?? 0) >= 1)) this.upAcked = true;
        if (!this.upAcked) {
          ws.send(encodeFrame({ batch: { messages: [{ id: `${this.o.node}-up`, lane: EVENTS, seq: 1, kind: 'sim', createdAt: Date.now() }] } }));
        }
        break;
      }
      case 'batch': {
        const messages = f.batch!.messages as WireMessage[];
        if (this.o.hold()) { this.held += messages.length; break; }
        let lanes = 0;
        for (const m of messages) {
          const lane = m.lane ?? 0;
          lanes |= 1 << lane;
          if (m.seq <= this.watermark[lane]!) { this.duplicates++; continue; }
          this.watermark[lane] = m.seq;
          this.delivered++;
          this.o.onMessage?.(lane, m.seq, m.payload);
        }
        const cursors: WireCursor[] = [];
        for (let lane = 0; lane < 4; lane++) if (lanes & (1 << lane)) cursors.push({ epoch: this.peerEpoch, lane, seq: this.watermark[lane]! });
        ws.send(encodeFrame({ ack: { cursors } }));
        break;
      }
      case 'ack':
        if ((f.ack!.cursors ?? []).some((c) => c.epoch === this.epoch && c.lane === EVENTS && (c.seq ?? 0) >= 1)) this.upAcked = true;
        break;
      case 'ping':
        ws.send(encodeFrame({ pong: { nonce: f.ping!.nonce, sentAt: f.ping!.sentAt } }));
        break;
      case 'goAway':
        this.goAways++;
        this.retryAfterMs = f.goAway!.retryAfterMs ?? 0;
        ws.terminate(); // as the edge hub does: its FIN first (see cloudhub/drain.ts)
        break;
      default:
        break;
    }
  }
}
