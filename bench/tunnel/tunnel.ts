/**
 * `npm run bench -- tunnel`: the reverse tunnel beside `ssh -R` (OpenSSH on
 * loopback) and a direct TCP connection, in the same run: single-stream
 * throughput both ways, 64-byte echo RTT, open-to-first-byte, and 1000
 * concurrent streams. The cloud hub runs in this process and reaches the
 * targets through the tunnel (`hub.tunnel.portForward`); the edge hub is a
 * standalone `isthmus edgehub` process; the targets are another process.
 * Timing on a shared 2-core machine is noisy: read the ratios, measured
 * side by side, rather than the absolute figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Duplex } from 'node:stream';
import { CloudHub } from '../../index.js';
import type { BenchOptions } from '../args.js';
import type { RunInfo } from '../machine.js';
import type { Report } from '../report.js';
import { round, type Percentiles } from '../stats.js';
import { IDLE_BUDGET_MS, IdleWaiter } from '../machine-load.js';
import { concurrent, echoRtt, opensInTurn, throughputDown, throughputUp, type Open } from './measure.js';
import { startSshReverse } from './ssh-reverse.js';
import { treeCpuMs } from './tree-cpu.js';
import type { TargetPorts } from './targets.js';

const CLI = fileURLToPath(new URL('../../bin/isthmus.js', import.meta.url));
const TARGETS = fileURLToPath(new URL('./targets.js', import.meta.url));
const POD_PORT: Record<keyof TargetPorts, number> = { sink: 1, source: 2, echo: 3, hello: 4 };
const SYSTEMS = ['direct', 'ssh -R', 'isthmus'] as const;
type System = (typeof SYSTEMS)[number];

function tcpOpen(port: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, noDelay: true }, () => resolve(s));
    s.once('error', reject);
  });
}

async function startTargets(): Promise<{ ports: TargetPorts; child: ChildProcess }> {
  const child = spawn(process.execPath, [TARGETS], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let s = '';
    child.stdout!.on('data', (b: Buffer) => { s += b.toString(); if (s.includes('\n')) resolve(s.split('\n')[0]!); });
    child.once('exit', () => reject(new Error('the targets process exited')));
  });
  return { ports: JSON.parse(line) as TargetPorts, child };
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function tunnel(o: BenchOptions, info: RunInfo): Promise<Report> {
  const q = o.quick;
  const settings = {
    throughputBytes: q ? 32 << 20 : 256 << 20, rounds: q ? 1 : Math.max(1, o.repeat), echoCount: q ? 300 : 3000, echoBytes: 64,
    openCount: q ? 50 : 300, concurrentStreams: 1000, concurrentBytes: q ? 4096 : 16_384,
  };
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-bench-tunnel-'));
  const { ports, child: targets } = await startTargets();
  // The dev mode (no TLS), as the other benchmarks: ssh -R encrypts, so the throughput comparison favours ssh a little.
  const hub = await CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', insecure: 'dev' });
  // JSON is YAML: the edge's config file with the pod whose ports are the targets.
  writeFileSync(join(dir, 'edge.yaml'), JSON.stringify({
    edgehub: { tunnel: { pods: { bench: { ports: Object.fromEntries(Object.entries(POD_PORT).map(([k, p]) => [p, ports[k as keyof TargetPorts]])) } } } },
  }));
  const edge = spawn(process.execPath, [CLI, 'edgehub', '--cloud', hub.url, '--node', 'bench-edge', '--token', hub.mintToken('bench-edge'),
    '--store', 'memory', '--config', join(dir, 'edge.yaml'), '--insecure-dev', '--no-admin', '--log-level', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] }); // no admin listener: its fixed port may be another hub's
  const ssh = await startSshReverse(Object.values(ports));
  try {
    const deadline = Date.now() + 20_000;
    while (!(hub.tunnel.online('bench-edge') && hub.tunnel.pod('default', 'bench'))) {
      if (Date.now() > deadline) throw new Error('the edge hub did not come online');
      await new Promise((r) => setTimeout(r, 50));
    }
    const opens: Record<System, Open> = {
      direct: (t) => tcpOpen(ports[t]),
      'ssh -R': (t) => tcpOpen(ssh.forwarded.get(ports[t])!),
      // The optimistic open, as ssh -R's: there the local connect completes before the far side connected.
      isthmus: (t) => Promise.resolve(hub.tunnel.connect('bench-edge', { pod: 'bench', port: POD_PORT[t] })),
    };
    const up: Record<string, number[]> = {};
    const down: Record<string, number[]> = {};
    // CPU ms of every process of the benchmark during each transfer (tree-cpu.ts): cost per GB, beside the speed.
    const cpuUp: Record<string, number[]> = {};
    const cpuDown: Record<string, number[]> = {};
    const rtt: Partial<Record<System, Percentiles>> = {};
    const open: Partial<Record<System, Percentiles>> = {};
    const conc: Partial<Record<System, number>> = {};
    // Other processes take CPU straight from these on 2 cores: wait for a quiet machine when one comes, and record the load.
    const idle = new IdleWaiter(o.waitIdle * 1000, IDLE_BUDGET_MS);
    const loadBefore = loadavg()[0]!;
    for (let r = 0; r < settings.rounds; r++) {
      for (const sys of SYSTEMS) {
        await idle.wait();
        let before = treeCpuMs();
        (up[sys] ??= []).push(await throughputUp(opens[sys], settings.throughputBytes));
        let after = treeCpuMs();
        if (before !== null && after !== null) (cpuUp[sys] ??= []).push(after - before);
        before = after;
        (down[sys] ??= []).push(await throughputDown(opens[sys], settings.throughputBytes));
        after = treeCpuMs();
        if (before !== null && after !== null) (cpuDown[sys] ??= []).push(after - before);
      }
    }
    for (const sys of SYSTEMS) {
      await idle.wait();
      rtt[sys] = await echoRtt(opens[sys], settings.echoCount, settings.echoBytes);
    }
    // Opens of the three systems in turn, with a tunnel round trip beside each: the open target's floor.
    await idle.wait();
    const turns = await opensInTurn(opens, opens.isthmus, settings.openCount);
    Object.assign(open, turns.open);
    const openRtt = turns.roundTrip;
    for (const sys of SYSTEMS) {
      await idle.wait();
      conc[sys] = await concurrent(opens[sys], settings.concurrentStreams, settings.concurrentBytes);
    }
    const g = (sys: System, m: Record<string, number[]>): number => round(median(m[sys]!), 2);
    const gb = settings.throughputBytes / 2 ** 30;
    const perGb = (sys: System, m: Record<string, number[]>): number | string => (m[sys]?.length ? Math.round(median(m[sys]!) / gb) : 'n/a');
    const rows = SYSTEMS.map((sys) => ({
      system: sys, up: g(sys, up), down: g(sys, down), cpuUp: perGb(sys, cpuUp), cpuDown: perGb(sys, cpuDown),
      rttP50: round(rtt[sys]!.p50), rttP99: round(rtt[sys]!.p99),
      openP50: round(open[sys]!.p50), openP99: round(open[sys]!.p99),
      conc: round(conc[sys]!, 1),
    }));
    const by = Object.fromEntries(rows.map((r) => [r.system, r])) as Record<System, (typeof rows)[number]>;
    const overhead = round(by.isthmus.rttP50 - by.direct.rttP50);
    const openFloor = round(openRtt.p50 + by.direct.openP50);
    const summary = [
      `throughput cloud->edge: isthmus ${by.isthmus.up} Gbit/s = ${round(by.isthmus.up / by['ssh -R'].up, 2)}x ssh -R's ${by['ssh -R'].up} (target >= 1x): ${by.isthmus.up >= by['ssh -R'].up ? 'MET' : 'FAIL'}`,
      `throughput edge->cloud: isthmus ${by.isthmus.down} Gbit/s = ${round(by.isthmus.down / by['ssh -R'].down, 2)}x ssh -R's ${by['ssh -R'].down} (target >= 1x): ${by.isthmus.down >= by['ssh -R'].down ? 'MET' : 'FAIL'}`,
      `64-byte echo p50: isthmus ${by.isthmus.rttP50} ms, direct ${by.direct.rttP50} ms: overhead ${overhead} ms (target <= 0.3 ms): ${overhead <= 0.3 ? 'MET' : 'FAIL'}; ssh -R ${by['ssh -R'].rttP50} ms`,
      `open to first byte p50: isthmus ${by.isthmus.openP50} ms; floor ${openFloor} ms = 1 tunnel round trip ${round(openRtt.p50)} ms (64 B echo on an open stream, taken between the opens) + a direct connect to the first byte ${by.direct.openP50} ms (target <= the floor): ${by.isthmus.openP50 <= openFloor ? 'MET' : 'FAIL'} (${round(by.isthmus.openP50 / openFloor, 2)}x); ssh -R ${by['ssh -R'].openP50} ms`,
      `CPU per GB moved, all processes (client, hub or sshd + ssh, edge, target): cloud->edge isthmus ${by.isthmus.cpuUp} ms, ssh -R ${by['ssh -R'].cpuUp} ms, direct ${by.direct.cpuUp} ms; edge->cloud isthmus ${by.isthmus.cpuDown} ms, ssh -R ${by['ssh -R'].cpuDown} ms, direct ${by.direct.cpuDown} ms`,
      `${settings.concurrentStreams} concurrent streams (${settings.concurrentBytes} B echo each): isthmus ${by.isthmus.conc} ms, ssh -R ${by['ssh -R'].conc} ms, direct ${by.direct.conc} ms`,
      `machine load average (1 min) ${round(loadBefore, 2)} at the start, ${round(loadavg()[0]!, 2)} at the end, on ${info.nproc} CPUs: above ~1 the figures are disturbed by other processes`,
    ];
    return {
      name: 'tunnel',
      title: 'Tunnel: single stream, echo, open, concurrency (beside ssh -R and a direct connection)',
      info, settings,
      data: { rows, raw: { up, down, cpuUp, cpuDown, rtt, open, openRoundTrip: openRtt, concurrent: conc }, loadAverage: { start: loadBefore, end: loadavg()[0] } },
      tables: [
        { title: 'Single-stream throughput, Gbit/s (median of rounds)', columns: [{ key: 'system', title: 'system' }, { key: 'up', title: 'cloud->edge', right: true }, { key: 'down', title: 'edge->cloud', right: true }], rows },
        { title: 'CPU time per GB moved, ms: every process of the transfer (the client and cloud hub, the edge hub or sshd and ssh, the target), median of rounds', columns: [{ key: 'system', title: 'system' }, { key: 'cpuUp', title: 'cloud->edge', right: true }, { key: 'cpuDown', title: 'edge->cloud', right: true }], rows },
        { title: `Echo of ${settings.echoBytes} bytes, round trip ms`, columns: [{ key: 'system', title: 'system' }, { key: 'rttP50', title: 'p50', right: true }, { key: 'rttP99', title: 'p99', right: true }], rows },
        { title: 'Open to first byte, ms (the systems in turn, sample by sample)', columns: [{ key: 'system', title: 'system' }, { key: 'openP50', title: 'p50', right: true }, { key: 'openP99', title: 'p99', right: true }], rows },
        { title: `${settings.concurrentStreams} concurrent streams, wall time ms`, columns: [{ key: 'system', title: 'system' }, { key: 'conc', title: 'ms', right: true }], rows },
      ],
      summary,
      chart: {
        title: 'Single-stream throughput (Gbit/s)', unit: 'Gbit/s', series: [...SYSTEMS],
        groups: [{ label: 'cloud -> edge', values: rows.map((r) => r.up) }, { label: 'edge -> cloud', values: rows.map((r) => r.down) }],
      },
    };
  } finally {
    edge.kill('SIGTERM');
    targets.stdin!.end();
    await ssh.stop();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
