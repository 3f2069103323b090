/**
 * Store footprint (issue 3): bytes on disk per queued message, and the RSS of
 * a cloud hub holding a million queued messages. The hub runs in a forked
 * child (bench/store/roles.ts, store-footprint) so that the RSS is its own:
 * it queues N messages on the bulk lane for a node that never connects (bounds
 * raised so nothing is dropped), then reports process.memoryUsage() before
 * and after a full GC, /proc/self/status (anonymous vs mapped-file pages), the
 * size of data.mdb and LMDB's page counts. A second child then opens the same
 * store, as after a restart: how long the hub takes to start with N queued and
 * what it holds in memory then.
 */
import type { BenchOptions } from '../args.js';
import { Peer } from '../child.js';
import type { RunInfo } from '../machine.js';
import { IDLE_BUDGET_MS, IdleWaiter, MachineMeter } from '../machine-load.js';
import type { Report } from '../report.js';
import { round } from '../stats.js';
import type { LmdbFigures, MemoryFigures, StoreFiles } from './measure.js';
import { makeTemp, removeTemp } from './measure.js';

/** Above this many messages, say that the run is long. */
const SLOW_NOTE_MS = 180_000;

interface ChildFigures {
  sent: number;
  queued: number;
  queuedBytes: number;
  openMs: number;
  queueMs: number;
  gcAvailable: boolean;
  memory: { start: MemoryFigures; opened: MemoryFigures; beforeGc: MemoryFigures; afterGc: MemoryFigures };
  files: StoreFiles;
  lmdb: LmdbFigures;
}

interface FootprintRow {
  count: number;
  payloadBytes: number;
  queue: ChildFigures | null;
  reopen: ChildFigures | null;
  /** Wall time of the whole measurement (queue + reopen), ms. */
  elapsedMs: number;
  /** Cores' worth of CPU the whole machine used meanwhile (this run's processes included), for the JSON. */
  machineCores: number;
  error?: string;
}

async function inChild(dir: string, count: number, payloadBytes: number, inFlight: number, reopen: boolean, deadlineMs: number): Promise<ChildFigures> {
  const peer = await Peer.start({ role: 'store-footprint', url: '', clients: 0, perClient: count, payloadBytes, dataDir: dir, inFlight, reopen });
  try {
    peer.send({ type: 'go' });
    const done = await peer.next('done', deadlineMs);
    return done.detail as unknown as ChildFigures;
  } finally {
    await peer.stop();
  }
}

export async function footprint(o: BenchOptions, info: RunInfo): Promise<Report> {
  const idle = new IdleWaiter(o.waitIdle * 1000, IDLE_BUDGET_MS);
  const rows: FootprintRow[] = [];
  for (const count of o.counts) {
    await idle.wait();
    const dir = makeTemp('footprint');
    const meter = new MachineMeter();
    const t0 = Date.now();
    const row: FootprintRow = { count, payloadBytes: o.payload, queue: null, reopen: null, elapsedMs: 0, machineCores: NaN };
    // A million 1 KB messages take a while on a slow disk: allow about 1 ms each, at least 2 min.
    const deadlineMs = Math.max(120_000, count * 1.0);
    try {
      process.stderr.write(`footprint: queuing ${count} messages of ${o.payload} B in a child hub...`);
      row.queue = await inChild(dir, count, o.payload, o.inFlight, false, deadlineMs);
      process.stderr.write(` ${(row.queue.queueMs / 1000).toFixed(1)} s; reopening...`);
      row.reopen = await inChild(dir, count, o.payload, o.inFlight, true, deadlineMs);
      process.stderr.write(` ${(row.reopen.openMs / 1000).toFixed(1)} s\n`);
    } catch (err) {
      row.error = (err as Error).message;
      process.stderr.write(` failed: ${row.error}\n`);
    } finally {
      removeTemp(dir);
    }
    row.elapsedMs = Date.now() - t0;
    row.machineCores = meter.busyCores();
    rows.push(row);
  }
  return report(o, info, rows);
}

const MB = 1 << 20;
const mb = (v: number | undefined): string => (v !== undefined && Number.isFinite(v) ? (v / MB).toFixed(1) : '-');
const num = (v: number | undefined, d = 0): string => (v !== undefined && Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '-');
const sec = (ms: number | undefined): string => (ms !== undefined && Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '-');

function perMessage(r: FootprintRow): { file: number; used: number; encoded: number; rssAfterGc: number; heap: number } {
  const q = r.queue;
  if (!q || !q.queued) return { file: NaN, used: NaN, encoded: NaN, rssAfterGc: NaN, heap: NaN };
  return {
    file: q.files.dataBytes / q.queued,
    used: q.lmdb.usedBytes / q.queued,
    encoded: q.queuedBytes / q.queued - 64, // the lane charges SLOT_OVERHEAD (64) per message on top of the encoding
    rssAfterGc: (q.memory.afterGc.rss - q.memory.opened.rss) / q.queued,
    heap: (q.memory.afterGc.heapUsed - q.memory.opened.heapUsed) / q.queued,
  };
}

function report(o: BenchOptions, info: RunInfo, rows: FootprintRow[]): Report {
  const slow = rows.filter((r) => r.elapsedMs > SLOW_NOTE_MS);
  return {
    name: 'footprint',
    title: `Store footprint: disk and RSS of a cloud hub with queued messages (${o.payload} B payloads)`,
    info,
    settings: {
      counts: o.counts, payloadBytes: o.payload, lane: 'bulk (bounds raised so nothing is dropped)', sendsInFlight: o.inFlight,
      process: 'cloud hub alone in a forked child; GC forced (--expose-gc set at run time) before the "after GC" figures',
    },
    data: {
      rows: rows.map((r) => ({
        ...r, elapsedMs: Math.round(r.elapsedMs), machineCores: round(r.machineCores, 2),
        perMessage: Object.fromEntries(Object.entries(perMessage(r)).map(([k, v]) => [k, round(v, 1)])),
      })),
    },
    tables: [
      {
        title: 'Disk: bytes per queued message',
        columns: [
          { key: 'count', title: 'queued', right: true }, { key: 'queueS', title: 'queue s', right: true },
          { key: 'rate', title: 'queue msg/s', right: true }, { key: 'encoded', title: 'encoded B/msg', right: true },
          { key: 'file', title: 'data.mdb MB', right: true }, { key: 'alloc', title: 'allocated MB', right: true },
          { key: 'perFile', title: 'file B/msg', right: true }, { key: 'perUsed', title: 'used pages B/msg', right: true },
          { key: 'leaves', title: 'records/leaf page', right: true }, { key: 'commits', title: 'commits', right: true },
        ],
        rows: rows.map((r) => {
          const q = r.queue;
          const p = perMessage(r);
          return {
            count: num(q?.queued ?? NaN) + (r.error ? ` (${r.error.slice(0, 40)})` : ''),
            queueS: sec(q?.queueMs), rate: num(q ? q.queued / (q.queueMs / 1000) : NaN),
            encoded: num(p.encoded), file: mb(q?.files.dataBytes), alloc: mb(q?.files.dataAllocated),
            perFile: num(p.file), perUsed: num(p.used),
            leaves: num(q ? q.lmdb.msgs.entries / q.lmdb.msgs.leafPages : NaN, 2), commits: num(q?.lmdb.lastTxnId),
          };
        }),
      },
      {
        title: 'Memory of the cloud hub process, MB (RSS = anonymous + mapped store pages)',
        columns: [
          { key: 'count', title: 'queued', right: true },
          { key: 'base', title: 'RSS empty', right: true },
          { key: 'rss', title: 'RSS queued', right: true }, { key: 'rssGc', title: 'RSS after GC', right: true },
          { key: 'anon', title: 'anon', right: true }, { key: 'file', title: 'file (map)', right: true },
          { key: 'heap', title: 'heap used', right: true }, { key: 'perMsg', title: 'RSS B/msg', right: true },
          { key: 'reopenS', title: 'restart s', right: true }, { key: 'reopenRss', title: 'RSS after restart', right: true },
          { key: 'reopenAnon', title: 'anon', right: true }, { key: 'reopenHeap', title: 'heap used', right: true },
        ],
        rows: rows.map((r) => {
          const q = r.queue;
          const re = r.reopen;
          return {
            count: num(q?.queued ?? NaN), base: mb(q?.memory.opened.rss),
            rss: mb(q?.memory.beforeGc.rss), rssGc: mb(q?.memory.afterGc.rss),
            anon: mb(q?.memory.afterGc.rssAnon), file: mb(q?.memory.afterGc.rssFile), heap: mb(q?.memory.afterGc.heapUsed),
            perMsg: num(perMessage(r).rssAfterGc),
            reopenS: sec(re?.openMs), reopenRss: mb(re?.memory.afterGc.rss), reopenAnon: mb(re?.memory.afterGc.rssAnon), reopenHeap: mb(re?.memory.afterGc.heapUsed),
          };
        }),
      },
    ],
    summary: [
      ...rows.map((r) => {
        const q = r.queue;
        if (!q) return `${num(r.count)} queued: no result (${r.error ?? 'unknown error'})`;
        const p = perMessage(r);
        return `${num(q.queued)} queued ${o.payload} B messages: ${num(p.file)} B on disk per message (data.mdb ${mb(q.files.dataBytes)} MB; ${num(p.encoded)} B encoded), `
          + `cloud hub RSS ${mb(q.memory.beforeGc.rss)} MB (${mb(q.memory.afterGc.rss)} MB after GC, of which ${mb(q.memory.afterGc.rssAnon)} MB anonymous), `
          + `${mb(r.reopen?.memory.afterGc.rss)} MB after a restart that took ${sec(r.reopen?.openMs)} s; queuing took ${sec(q.queueMs)} s`;
      }),
      ...(slow.length ? [`NOTE: ${slow.map((r) => `${num(r.count)} queued took ${sec(r.elapsedMs)} s in all`).join('; ')} (queue, restart, cleanup)`] : []),
    ],
    chart: {
      title: `Cloud hub with queued ${o.payload} B messages: disk and memory, MB (lower is better)`,
      unit: 'MB',
      series: ['data.mdb', 'RSS after GC', 'RSS after restart'],
      groups: rows.map((r) => ({
        label: `${num(r.count)} queued`,
        values: [r.queue?.files.dataBytes ?? NaN, r.queue?.memory.afterGc.rss ?? NaN, r.reopen?.memory.afterGc.rss ?? NaN].map((v) => v / MB),
        note: r.queue ? `${num(perMessage(r).file)} B/msg on disk` : 'no result',
      })),
    },
  };
}
