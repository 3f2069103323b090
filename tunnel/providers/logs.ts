/**
 * The logs provider: sends a pod's log file, then (follow) what is appended
 * to it, until the stream closes. Options as kubectl's: tailLines,
 * sinceSeconds, timestamps, limitBytes. A line's time is its own RFC 3339
 * prefix when it has one (as CRI log files do); else the file's mtime for
 * lines already there and the time it was read for followed lines. With
 * none of those options the bytes pass through untouched. Reading pauses
 * while the stream's queue is full; a truncated file is read from its start.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { StreamCode, StreamError } from '../codes.js';
import type { Provider } from '../provider.js';
import type { Stream } from '../stream.js';
import { optBool, optInt } from './params.js';

const BLOCK = 64 * 1024;
const POLL_MS = 250;
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;

export interface LogsParams {
  pod: string;
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

export const logsProvider: Provider = async (stream, ctx) => {
  const p = stream.params;
  const pod = ctx.pod(p.pod);
  if (!pod.logFile) throw new StreamError(StreamCode.NOT_FOUND, `pod "${pod.name}" has no logFile on this edge`);
  const follow = optBool(p.follow, 'follow');
  const tailLines = optInt(p.tailLines, 'tailLines', 0, 10_000_000);
  const sinceSeconds = optInt(p.sinceSeconds, 'sinceSeconds', 1, 10 * 365 * 86_400);
  const timestamps = optBool(p.timestamps, 'timestamps');
  const limitBytes = optInt(p.limitBytes, 'limitBytes', 1, Number.MAX_SAFE_INTEGER);
  let fh: FileHandle;
  try {
    fh = await open(pod.logFile, 'r');
  } catch (err) {
    throw new StreamError(StreamCode.NOT_FOUND, `cannot open the log of pod "${pod.name}": ${(err as Error).message}`);
  }
  stream.accept();
  stream.setReader((_ch, chunk) => stream.consumed(chunk.length));
  const follower = new LogFollower(stream, fh, pod.logFile, {
    follow, timestamps, limitBytes, since: sinceSeconds === null ? null : Date.now() - sinceSeconds * 1000,
  });
  await follower.start(tailLines);
};

interface FollowOptions {
  follow: boolean;
  timestamps: boolean;
  limitBytes: number | null;
  since: number | null;
}

class LogFollower {
  private offset = 0;
  private partial = '';
  private sent = 0;
  private reading = false;
  /** The stream's queue is full: wait for its 'drain'. */
  private blocked = false;
  private again = false;
  private done = false;
  private watcher: FSWatcher | null = null;
  private poll: NodeJS.Timeout | null = null;
  private readonly lines: boolean;

  constructor(private readonly stream: Stream, private readonly fh: FileHandle, private readonly file: string, private readonly o: FollowOptions) {
    this.lines = o.timestamps || o.since !== null;
    stream.once('close', () => this.stop());
    stream.on('drain', () => { this.blocked = false; this.read(); });
  }

  async start(tailLines: number | null): Promise<void> {
    const st = await this.fh.stat();
    this.offset = tailLines === null ? 0 : await tailOffset(this.fh, st.size, tailLines);
    this.backlogTime = st.mtimeMs;
    this.backlogEnd = st.size;
    if (this.o.follow) {
      try {
        this.watcher = watch(this.file, () => this.read());
        this.watcher.on('error', () => { /* the poll goes on */ });
      } catch { /* the poll is enough */ }
      this.poll = setInterval(() => this.read(), POLL_MS);
    }
    this.read();
  }

  private backlogTime = 0;
  private backlogEnd = 0;

  private read(): void {
    if (this.done) return;
    if (this.reading) { this.again = true; return; }
    this.reading = true;
    void this.readLoop().finally(() => {
      this.reading = false;
      if (this.again && !this.done) { this.again = false; this.read(); }
    });
  }

  private async readLoop(): Promise<void> {
    const buf = Buffer.allocUnsafe(BLOCK);
    for (;;) {
      if (this.done || this.stream.closed || this.blocked) return;
      let size: number;
      try {
        size = (await stat(this.file)).size;
      } catch {
        size = this.offset; // rotated away: wait for it to come back
      }
      if (size < this.offset) { this.offset = 0; this.partial = ''; } // truncated
      if (size === this.offset) {
        if (!this.o.follow) return this.finish();
        return;
      }
      const { bytesRead } = await this.fh.read(buf, 0, Math.min(BLOCK, size - this.offset), this.offset);
      if (bytesRead === 0 || this.done) return;
      const inBacklog = this.offset < this.backlogEnd;
      this.offset += bytesRead;
      this.emit(Buffer.from(buf.subarray(0, bytesRead)), inBacklog ? this.backlogTime : Date.now());
    }
  }

  private emit(chunk: Buffer, when: number): void {
    let out = chunk;
    if (this.lines) {
      const text = this.partial + chunk.toString('utf8');
      const cut = text.lastIndexOf('\n') + 1;
      this.partial = text.slice(cut);
      const kept: string[] = [];
      for (const line of text.slice(0, cut).split('\n').slice(0, -1)) {
        const m = STAMP.exec(line);
        const t = m ? Date.parse(m[1]!) : when;
        if (this.o.since !== null && t < this.o.since) continue;
        if (this.o.timestamps) kept.push(m ? line : `${new Date(t).toISOString()} ${line}`);
        else kept.push(m ? line.slice(m[0].length) : line);
      }
      out = Buffer.from(kept.length ? kept.join('\n') + '\n' : '', 'utf8');
    }
    if (this.o.limitBytes !== null) {
      out = out.subarray(0, Math.max(0, this.o.limitBytes - this.sent));
    }
    if (out.length) {
      this.sent += out.length;
      if (!this.stream.write(out, 0)) this.blocked = true;
    }
    if (this.o.limitBytes !== null && this.sent >= this.o.limitBytes) this.finish();
  }

  private finish(): void {
    if (this.done) return;
    if (this.partial && !this.lines) this.partial = '';
    this.stop();
    this.stream.exit({ code: 0 });
  }

  private stop(): void {
    if (this.done) return;
    this.done = true;
    this.watcher?.close();
    if (this.poll) clearInterval(this.poll);
    this.watcher = null;
    this.poll = null;
    void this.fh.close().catch(() => {});
  }
}

/** Offset of the start of the last n lines (a final line without "\n" counts). */
async function tailOffset(fh: FileHandle, size: number, n: number): Promise<number> {
  if (n === 0) return size;
  const buf = Buffer.allocUnsafe(BLOCK);
  let pos = size;
  let newlines = 0;
  let first = true;
  while (pos > 0) {
    const len = Math.min(BLOCK, pos);
    pos -= len;
    await fh.read(buf, 0, len, pos);
    for (let i = len - 1; i >= 0; i--) {
      if (buf[i] !== 0x0a) { first = false; continue; }
      if (first && pos + i === size - 1) { first = false; continue; } // the file's final newline ends the last line
      if (++newlines === n) return pos + i + 1;
    }
  }
  return 0;
}
