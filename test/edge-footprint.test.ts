/**
 * The edge hub process maps only what it runs: `isthmus edgehub` with its
 * local MQTT broker and admin listener loads none of the cloud hub's code
 * (uWebSockets.js, @peculiar/x509, the kube face), nor the mqtt client, yaml
 * or prom-client's index, and still works: it receives a message, serves
 * /metrics with the process metrics (loaded at the first scrape).
 * The figures (RSS, CPU) are in `npm run bench -- scale`, not here.
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import * as Prom from 'prom-client';
import { CLI, runCli } from './helpers/processes.js';
import { startHub, until } from './helpers/hubs.js';
import { scrape } from './helpers/scrape.js';
import { COMMAND_NAMES, commandsFor } from '../cli/command-table.js';
import { prom } from '../link/index.js';

const LOAD_LOG = fileURLToPath(new URL('./helpers/load-log.mjs', import.meta.url));
const BIN = dirname(CLI);
/** The package root: the metafile's paths are relative to it. */
const ROOT = join(BIN, '..', '..');
const BUNDLE_META = JSON.parse(readFileSync(join(BIN, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };

/** Modules an edge hub must not load, and why they would be there. */
const CLOUD_ONLY: Array<[RegExp, string]> = [
  [/\/cloudhub\/cloud-hub\.js$/, 'the cloud hub'],
  [/\/node_modules\/uWebSockets\.js\//, 'uWebSockets.js (the cloud\'s server)'],
  [/\/node_modules\/@peculiar\//, '@peculiar/x509 (the cloud\'s certificates)'],
  [/\/tunnel\/(kube\/|cloud-tunnel\.js)/, 'the cloud side of the tunnel'],
  [/\/node_modules\/mqtt\//, 'the mqtt client (external-broker mode only)'],
  [/\/node_modules\/yaml\//, 'yaml (only with a config file)'],
  [/\/node_modules\/prom-client\/index\.js$/, 'prom-client\'s index'],
  [/\/node_modules\/node-pty\//, 'node-pty (only for an exec with a TTY)'],
];

t.test('isthmus edgehub loads no cloud-only code and still works', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-footprint-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const hub = await startHub();
  t.teardown(() => hub.close());
  const log = join(dir, 'loads.txt');
  const edge = runCli(['edgehub', '--cloud', hub.url, '--node', 'edge-1', '--token', hub.mintToken('edge-1'), '--insecure-dev',
    '--data', join(dir, 'edge'), '--admin', '127.0.0.1:0', '--mqtt', '127.0.0.1:0', '--log-level', 'info'],
  { NODE_OPTIONS: `--import=${LOAD_LOG}`, TEST_MODULE_LOAD_LOG: log });
  t.teardown(() => edge.stop());
  const [, admin] = await edge.waitFor(/"admin":"(http:\/\/[^"]+)"/);
  await until(() => hub.nodes().some((n) => n.node === 'edge-1' && n.online), 'the edge online');
  const r = await hub.send('edge-1', { lane: 'control', key: 'ping', payload: { n: 1 } });
  t.same(await r.delivered, { status: 'delivered' }, 'a message reaches the edge process');
  await edge.waitFor(/"key":"ping"/);

  const files = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => l.replace(/^(esm|cjs):(file:\/\/)?/, ''));
  t.ok(files.some((f) => f.startsWith(join(BIN, 'chunks'))), 'the command runs as the bundle (scripts/bundle-cli.mjs)');
  // A bundle file stands for the source modules in it, as esbuild's metafile lists them.
  const loaded = files.flatMap((f) => {
    const output = BUNDLE_META.outputs[relative(ROOT, f)];
    return output ? Object.keys(output.inputs).map((i) => join(ROOT, i)) : [f];
  });
  // The log sees both kinds of module, so the absences below mean something.
  t.ok(loaded.some((f) => f.endsWith('/edgehub/edge-hub.js')), 'ES modules are logged');
  t.ok(loaded.some((f) => f.endsWith('/node_modules/prom-client/lib/counter.js')), 'CommonJS files are logged');
  t.ok(loaded.some((f) => f.includes('/node_modules/aedes/')), 'the local broker (aedes) is loaded');
  for (const [re, what] of CLOUD_ONLY) t.same(loaded.filter((f) => re.test(f)), [], `not loaded: ${what}`);
  const maps = readFileSync(`/proc/${edge.child.pid}/maps`, 'utf8');
  t.notMatch(maps, /uws_linux|uWebSockets/, 'no uWS native addon mapped (its 1 s date timer would wake the edge)');
  t.notMatch(loaded.join('\n'), /@opentelemetry/, 'process metrics not loaded before a scrape');

  const m = await scrape(admin!);
  t.equal(m.value('isthmus_cloud_connected'), 1, 'edge metrics served');
  t.ok((m.value('process_cpu_user_seconds_total') ?? -1) >= 0, 'process metrics load at the first scrape');
  t.ok((m.value('nodejs_heap_size_used_bytes') ?? 0) > 0, 'and report');
});

t.test('the command table: one command loads one module, help and unknown names load all', async (t) => {
  const all = new Command();
  for (const register of await commandsFor(undefined)) register(all);
  t.same(all.commands.map((c) => c.name()), COMMAND_NAMES, 'every registered command is in the table');
  for (const name of COMMAND_NAMES) {
    const one = new Command();
    for (const register of await commandsFor(name)) register(one);
    t.ok(one.commands.some((c) => c.name() === name), `${name}: its module registers it`);
    t.ok(one.commands.length <= 3, `${name}: only its own module's commands`);
  }
  const run = promisify(execFile);
  const err = await run(process.execPath, [CLI, 'edgehbu']).then(() => null, (e: { code: number; stderr: string }) => e);
  t.equal(err?.code, 1, 'an unknown command fails');
  t.match(err?.stderr, /unknown command 'edgehbu'\n\(Did you mean edgehub\?\)/, 'with the nearest name');
});

t.test('prom-lite hands out prom-client\'s own classes', async (t) => {
  t.equal(prom.Registry, Prom.Registry);
  t.equal(prom.Counter, Prom.Counter);
  t.equal(prom.Gauge, Prom.Gauge);
  t.equal(prom.Histogram, Prom.Histogram);
  const registry = new prom.Registry();
  prom.collectDefaultMetrics({ register: registry });
  t.match(await registry.metrics(), /process_cpu_user_seconds_total/, 'collectDefaultMetrics loads on demand and works');
});
