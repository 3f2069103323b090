/** `isthmus cloudhub`: runs a cloud hub until SIGTERM / SIGINT, then drains. */
import type { Command } from 'commander';
import { CloudHub, DefaultCloudHub } from '../cloudhub/index.js';
import { createLogger } from '../link/index.js';
import { duration, fail, positiveInt } from './options.js';

interface Flags {
  listen: string;
  admin: string | false;
  data: string;
  store: 'memory' | 'lmdb';
  storeMinFree?: number;
  pingInterval?: number;
  maxConnections?: number;
  retryAfter?: number;
  logLevel: string;
  kube: string | false;
}

export function registerCloudhub(program: Command): void {
  program.command('cloudhub')
    .description('run a cloud hub (edges connect to it; the admin API serves send, nodes and token)')
    .option('--listen <host:port>', 'address for edges', DefaultCloudHub.listen)
    .option('--admin <host:port>', 'admin HTTP API address', DefaultCloudHub.admin)
    .option('--no-admin', 'no admin API')
    .option('--data <dir>', 'data folder: secret, admin token, hub.json', './data')
    .option('--store <kind>', 'lmdb (durable, in DIR/store) or memory', 'lmdb')
    .option('--store-min-free <bytes>', 'refuse new messages below this much free disk', positiveInt)
    .option('--ping-interval <duration>', 'liveness ping interval, e.g. 5s', duration)
    .option('--max-connections <n>', 'most edge connections at once', positiveInt)
    .option('--retry-after <duration>', 'what a refused edge is told to wait', duration)
    .option('--log-level <level>', 'trace, debug, info, warn, error, silent', 'info')
    .option('--kube <host:port>', 'kube-compatible API for kubectl and isthmus exec/logs/port-forward (HTTPS)', '127.0.0.1:10002')
    .option('--no-kube', 'no kube-compatible API')
    .action(async (f: Flags) => {
      const log = createLogger(f.logLevel as 'info', 'cloudhub');
      let hub: CloudHub;
      try {
        hub = await CloudHub.start({
          listen: f.listen, admin: f.admin, dataDir: f.data, store: f.store, storeMinFreeBytes: f.storeMinFree, log,
          pingIntervalMs: f.pingInterval, maxConnections: f.maxConnections, retryAfterMs: f.retryAfter,
          tunnel: { kube: f.kube },
        });
      } catch (err) {
        fail(err);
      }
      hub.on('message', (node, m) => log.debug({ node, lane: m.lane, seq: m.seq, kind: m.kind, key: m.key }, 'message from edge'));
      process.stderr.write([
        '',
        'Isthmus cloud hub is up.',
        `  edges connect to:  ${hub.url}`,
        hub.adminUrl ? `  admin API:         ${hub.adminUrl} (bearer token in ${f.data}/admin-token)` : '  admin API:         off',
        hub.kubeUrl ? `  kube API:          ${hub.kubeUrl} (kubectl --server ${hub.kubeUrl} --token $(cat ${f.data}/admin-token) --insecure-skip-tls-verify)` : '  kube API:          off',
        'Attach an edge:',
        `  npx isthmus token create --node edge-1 --ttl 30d --data ${f.data}`,
        `  npx isthmus edgehub --cloud ${hub.url} --node edge-1 --token <token printed above>`,
        'Then: npx isthmus nodes   and   npx isthmus send --node edge-1 --lane control --key reboot --json \'{"at":"now"}\'',
        '',
      ].join('\n') + '\n');
      const stop = (signal: string): void => {
        log.info({ signal }, 'draining: edges are told to come back later');
        void hub.close().then(() => process.exit(0));
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
}
