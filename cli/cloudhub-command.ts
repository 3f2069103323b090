/** `isthmus cloudhub`: runs a cloud hub until SIGTERM / SIGINT, then drains. */
import type { Command } from 'commander';
// The hub (and uWebSockets.js, ~4 MB of RSS) loads only when this command runs, not for `isthmus edgehub`.
import type { CloudHub } from '../cloudhub/cloud-hub.js';
import { DefaultCloudHub } from '../cloudhub/config.js';
import { createLogger } from '../link/index.js';
import { duration, fail, nonNegativeInt, positiveInt } from './options.js';
import { stopOnSignals } from './drain-signals.js';

interface Flags {
  listen: string;
  admin: string | false;
  data: string;
  store: 'memory' | 'lmdb';
  storeMinFree?: number;
  pingInterval?: number;
  maxConnections?: number;
  retryAfter?: number;
  admitRate?: number;
  admitBurst?: number;
  drainTimeout?: number;
  drainRedirect?: string;
  logLevel: string;
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
    .option('--admit-rate <n>', 'edges admitted per second after the burst (0: no limit); default 1000', nonNegativeInt)
    .option('--admit-burst <n>', 'edges admitted back to back before the rate applies; default 1000', positiveInt)
    .option('--drain-timeout <duration>', 'longest the drain on SIGTERM may take before exiting anyway; default 20s', duration)
    .option('--drain-redirect <url>', 'on SIGTERM, tell edges to reconnect to this hub instead (ws://HOST:PORT)')
    .option('--log-level <level>', 'trace, debug, info, warn, error, silent', 'info')
    .action(async (f: Flags) => {
      const log = createLogger(f.logLevel as 'info', 'cloudhub');
      let hub: CloudHub;
      try {
        const { CloudHub } = await import('../cloudhub/cloud-hub.js');
        hub = await CloudHub.start({
          listen: f.listen, admin: f.admin, dataDir: f.data, store: f.store, storeMinFreeBytes: f.storeMinFree, log,
          pingIntervalMs: f.pingInterval, maxConnections: f.maxConnections, retryAfterMs: f.retryAfter,
          admission: { ...(f.admitRate !== undefined ? { ratePerSecond: f.admitRate } : {}), ...(f.admitBurst !== undefined ? { burst: f.admitBurst } : {}) },
          drainTimeoutMs: f.drainTimeout, drainRedirect: f.drainRedirect,
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
        'Attach an edge:',
        `  npx isthmus token create --node edge-1 --ttl 30d --data ${f.data}`,
        `  npx isthmus edgehub --cloud ${hub.url} --node edge-1 --token <token printed above>`,
        'Then: npx isthmus nodes   and   npx isthmus send --node edge-1 --lane control --key reboot --json \'{"at":"now"}\'',
        '',
      ].join('\n') + '\n');
      stopOnSignals(log, hub.config.drain.timeoutMs, async () => { await hub.drain(); });
    });
}
