/**
 * Configuration: YAML file < ISTHMUS_* environment < flags, checked at start
 * with errors that name the source, the key, the problem and what is
 * allowed; unknown keys get a suggestion; feature sections pass through;
 * `isthmus config print` masks secrets. Through real CLI processes where a
 * user would see it.
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { loadConfig, readConfigFile } from '../cli/config-load.js';
import { registerConfigSection } from '../cli/config-registry.js';
import { CLI, runCli } from './helpers/processes.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'isthmus-config-'));
let n = 0;
function yamlFile(text: string): string {
  const f = join(dir, `c${n++}.yaml`);
  writeFileSync(f, text);
  return f;
}
/** Runs the CLI with only the given ISTHMUS_* variables. */
function isthmus(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ISTHMUS_')));
  return run(process.execPath, [CLI, ...args], { env: { ...clean, ...env }, timeout: 20_000 });
}

t.test('precedence: defaults < file < environment < flags', async (t) => {
  const file = yamlFile(`
cloudhub:
  listen: 0.0.0.0:7000
  maxConnections: 10
  retryAfterMs: 2s
  pingIntervalMs: 3000
  lanes:
    bulk: { maxMessages: 500, overflow: drop-newest }
`);
  const o = loadConfig({
    section: 'cloudhub', file, defaults: { listen: '0.0.0.0:10000', admin: '127.0.0.1:10001', dataDir: './data' },
    env: { ISTHMUS_MAX_CONNECTIONS: '20', ISTHMUS_PING_INTERVAL_MS: '4s', ISTHMUS_LANES__BULK__MAX_MESSAGES: '600', ISTHMUS_TLS__HOSTS: 'a.example, b.example' },
    flags: { maxConnections: 30 },
  });
  t.same(o, {
    listen: '0.0.0.0:7000', admin: '127.0.0.1:10001', dataDir: './data',
    maxConnections: 30, retryAfterMs: 2000, pingIntervalMs: 4000,
    lanes: { bulk: { maxMessages: 600, overflow: 'drop-newest' } },
    tls: { hosts: ['a.example', 'b.example'] },
  }, 'each key from the highest layer that sets it; nested objects merged');
});

t.test('errors name the source, the key, the problem and what is allowed', async (t) => {
  const cases: [string, string, RegExp][] = [
    ['unknown key', 'cloudhub:\n  maxConection: 5\n', /config file .*: cloudhub\.maxConection is not a setting \(did you mean "maxConnections"\?\); allowed: listen, admin/],
    ['wrong type', 'cloudhub:\n  maxConnections: many\n', /cloudhub\.maxConnections must be an integer of at least 1, got "many"/],
    ['below the minimum', 'cloudhub:\n  maxConnections: 0\n', /cloudhub\.maxConnections must be an integer of at least 1, got 0/],
    ['bad duration', 'edgehub:\n  backoff: { baseMs: soon }\n', /edgehub\.backoff\.baseMs must be a duration \(ms, or 500ms, 5s, 2m, 1h, 30d\)/],
    ['bad enum', 'cloudhub:\n  lanes:\n    bulk: { overflow: sideways }\n', /cloudhub\.lanes\.bulk\.overflow must be "reject" or "drop-oldest" or "drop-newest", got "sideways"/],
    ['unknown lane', 'cloudhub:\n  lanes:\n    fast: {}\n', /cloudhub\.lanes\.fast is not a setting; allowed: control, state, events, bulk/],
    ['unknown section', 'cloudhubb:\n  listen: x\n', /cloudhubb is not a section \(did you mean "cloudhub"\?\); allowed: cloudhub, edgehub/],
    ['secret values are not echoed', 'cloudhub:\n  adminToken: 42\n', /cloudhub\.adminToken must be a non-empty string, got \(hidden\)/],
    ['not YAML', 'cloudhub: [\n', /not valid YAML/],
    ['duplicate key', 'cloudhub:\n  listen: a:1\n  listen: b:2\n', /not valid YAML.*[Uu]nique/],
  ];
  for (const [what, text, re] of cases) {
    t.throws(() => readConfigFile(yamlFile(text)), re, what);
  }
  t.throws(() => loadConfig({ section: 'cloudhub', env: { ISTHMUS_MAX_CONECTIONS: '5' } }),
    /environment: ISTHMUS_MAX_CONECTIONS is not a setting \(did you mean "ISTHMUS_MAX_CONNECTIONS"\?\)/, 'a misspelt variable');
  t.throws(() => loadConfig({ section: 'edgehub', env: { ISTHMUS_BACKOFF__CAP_MS: 'later' } }), /environment \(ISTHMUS_\*\): backoff\.capMs must be a duration/);
  t.same(loadConfig({ section: 'edgehub', env: { ISTHMUS_MAX_CONNECTIONS: '5', ISTHMUS_HUB: 'x', ISTHMUS_ADMIN_TOKEN: 'y' } }), {}, 'the other hub\'s and the client commands\' variables are left alone');
  t.throws(() => loadConfig({ section: 'cloudhub', file: join(dir, 'missing.yaml') }), /config file .*missing\.yaml: does not exist/);
});

t.test('feature sections pass through to the hub\'s own validators; the registry extends them', async (t) => {
  const file = yamlFile('cloudhub:\n  mqtt:\n    listen: 127.0.0.1:1883\n    rules: [{ topic: "a/#", direction: up }]\n  widgets: { size: 3 }\n');
  t.throws(() => readConfigFile(file), /cloudhub\.widgets is not a setting/, 'unregistered');
  registerConfigSection('cloudhub', 'widgets');
  t.same(readConfigFile(file).cloudhub, { mqtt: { listen: '127.0.0.1:1883', rules: [{ topic: 'a/#', direction: 'up' }] }, widgets: { size: 3 } }, 'unchanged');
  t.same(loadConfig({ section: 'cloudhub', env: { ISTHMUS_MQTT__PORT: '1884', ISTHMUS_MQTT__ENABLED: 'true' } }), { mqtt: { port: 1884, enabled: true } }, 'typed from the environment');
  t.throws(() => readConfigFile(yamlFile('edgehub:\n  mqtt: on\n')), /edgehub\.mqtt must be a mapping/);
});

t.test('isthmus config print: the effective config, secrets masked', async (t) => {
  const file = yamlFile(`
cloudhub:
  listen: 0.0.0.0:7000
  secret: 0123456789abcdef0123456789abcdef
  adminToken: admin-secret-value
  tls: { cert: /etc/isthmus/tls.crt, key: /etc/isthmus/tls.key, passphrase: hush }
edgehub:
  cloud: wss://hub.example:10000
  node: edge-1
  token: ist1.abc.def
`);
  const { stdout } = await isthmus(['config', 'print', '--config', file], { ISTHMUS_MAX_CONNECTIONS: '42' });
  for (const s of ['0123456789abcdef', 'admin-secret-value', 'hush', 'ist1.abc.def']) t.notMatch(stdout, s, `no ${s.slice(0, 8)}… in the output`);
  const printed = parse(stdout);
  t.match(printed, {
    cloudhub: { listen: '0.0.0.0:7000', admin: '127.0.0.1:10001', dataDir: './data', maxConnections: 42, secret: '***', adminToken: '***', tls: { cert: '/etc/isthmus/tls.crt', passphrase: '***' } },
    edgehub: { cloud: 'wss://hub.example:10000', node: 'edge-1', token: '***', store: 'lmdb' },
  });
  await t.rejects(isthmus(['config', 'print', '--config', yamlFile('cloudhub:\n  listn: x\n')]), /listn is not a setting \(did you mean "listen"\?\)/, 'exits non-zero with the error');
});

t.test('isthmus cloudhub --config: a bad file stops the start; a good one is used, flags win', async (t) => {
  await t.rejects(isthmus(['cloudhub', '--config', yamlFile('cloudhub:\n  store: redis\n')]), /cloudhub\.store must be "lmdb" or "memory", got "redis"/);
  const data = mkdtempSync(join(tmpdir(), 'isthmus-config-hub-'));
  const file = yamlFile(`cloudhub:\n  listen: 127.0.0.1:1\n  admin: false\n  dataDir: ${data}\n  store: memory\n  insecure: dev\n`);
  const hub = runCli(['cloudhub', '--no-kube', '--config', file, '--listen', '127.0.0.1:0', '--no-mqtt', '--log-level', 'info'], { ISTHMUS_STORE: 'lmdb' });
  t.teardown(() => hub.stop());
  const [, url] = await hub.waitFor(/edges connect to:\s+(\S+)/);
  t.match(url, /^ws:\/\/127\.0\.0\.1:(?!1$)\d+$/, 'the flag beat the file (port 0 picked a free port), insecure: dev from the file');
  await hub.waitFor(/INSECURE DEV MODE/);
  t.match(hub.stderr, /admin API:\s+off/, 'admin: false from the file');
  await hub.waitFor(/"store":"[^"]*store"/, 5_000).then(() => t.pass('ISTHMUS_STORE=lmdb beat the file\'s memory store'));
});

t.test('the README\'s configuration example is a valid config', async (t) => {
  const readme = (await import('node:fs')).readFileSync(join(CLI, '..', '..', '..', 'README.md'), 'utf8');
  const block = /```yaml\n(cloudhub:[\s\S]*?)```/.exec(readme);
  t.ok(block, 'the example is there');
  const parsed = readConfigFile(yamlFile(block![1]!));
  t.match(parsed, { cloudhub: { storeMinFreeBytes: 256 * 2 ** 20, retryAfterMs: 5000, lanes: { bulk: { ttlMs: 3_600_000 } } }, edgehub: { backoff: { capMs: 30_000 } } });
});

t.test('isthmus edgehub --config with the token from ISTHMUS_TOKEN, over TLS', async (t) => {
  const { startHub } = await import('./helpers/hubs.js');
  const hub = await startHub({ tls: {} });
  t.teardown(() => hub.close());
  const online = new Promise<string>((r) => hub.once('online', (node) => r(node)));
  const file = yamlFile(`edgehub:\n  cloud: ${hub.url}\n  node: edge-9\n  ca: ${hub.caFile}\n  store: memory\n  backoff: { baseMs: 50ms, capMs: 1s }\n`);
  const edge = runCli(['edgehub', '--config', file, '--admin', '127.0.0.1:0', '--log-level', 'warn'], { ISTHMUS_TOKEN: hub.mintToken('edge-9') });
  t.teardown(() => edge.stop());
  t.equal(await online, 'edge-9', 'the edge came online with the file\'s cloud, node and CA and the environment\'s token');
  await t.rejects(isthmus(['edgehub', '--config', yamlFile('edgehub:\n  node: edge-9\n')]), /cloud is required: --cloud, ISTHMUS_CLOUD or edgehub\.cloud in the config file/);
});
