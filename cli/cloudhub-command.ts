/** `isthmus cloudhub`: runs a cloud hub until SIGTERM / SIGINT, then drains. */
import type { Command } from 'commander';
// The hub (and uWebSockets.js, ~4 MB of RSS) loads only when this command runs, not for `isthmus edgehub`.
import type { CloudHub } from '../cloudhub/cloud-hub.js';
import { DefaultCloudHub, type CloudHubOptions } from '../cloudhub/config.js';
import { DefaultCloudMqtt } from '../cloudhub/mqtt-config.js';
import { createLogger } from '../link/index.js';
import { duration, fail, nonNegativeInt, positiveInt } from './options.js';
import { stopOnSignals } from './drain-signals.js';
import { loadConfig } from './config-load.js';
import { collect, explicitFlags } from './config-flags.js';
import { DefaultKubeListen } from '../tunnel/cloud-config.js';

/** The command's defaults: the lowest config layer (the file, ISTHMUS_* and flags override them). */
export const CLOUDHUB_DEFAULTS = Object.freeze({
  listen: DefaultCloudHub.listen, admin: DefaultCloudHub.admin, dataDir: './data', store: 'lmdb', log: 'info',
  // The standalone hub has its MQTT face on (loopback) so `npm start` gives a working one.
  mqtt: { listen: DefaultCloudMqtt.listen },
});

export function registerCloudhub(program: Command): void {
  program.command('cloudhub')
    .description('run a cloud hub (edges connect to it; the admin API serves send, nodes and token)')
    .option('--config <file>', 'YAML config file, section cloudhub: (or ISTHMUS_CONFIG)')
    .option('--listen <host:port>', `address for edges (default ${DefaultCloudHub.listen})`)
    .option('--admin <host:port>', `admin HTTPS API address (default ${DefaultCloudHub.admin})`)
    .option('--no-admin', 'no admin API')
    .option('--data <dir>', 'data folder: secret, admin token, TLS files, store, hub.json (default ./data)')
    .option('--store <kind>', 'lmdb (durable, in DIR/store) or memory (default lmdb)')
    .option('--store-min-free <bytes>', 'refuse new messages below this much free disk', positiveInt)
    .option('--ping-interval <duration>', 'liveness ping interval, e.g. 5s', duration)
    .option('--max-connections <n>', 'most edge connections at once', positiveInt)
    .option('--retry-after <duration>', 'what a refused edge is told to wait', duration)
    .option('--tls-cert <file>', 'your PEM server certificate (default: the hub makes a CA and certificate in DIR/tls)')
    .option('--tls-key <file>', 'the PEM private key of --tls-cert')
    .option('--tls-ca <file>', 'the CA file edges should use with your --tls-cert (printed at start)')
    .option('--tls-host <name>', 'extra host name or IP for the generated certificate (repeatable)', collect)
    .option('--deny-list <file>', 'token deny list, reloaded on change (default DIR/revoked)')
    .option('--mqtt <host:port>', `northbound MQTT face; controllers log in as "isthmus" with DIR/mqtt-password (default ${DefaultCloudMqtt.listen})`)
    .option('--no-mqtt', 'no MQTT face')
    .option('--admit-rate <n>', 'edges admitted per second after the burst (0: no limit); default 1000', nonNegativeInt)
    .option('--admit-burst <n>', 'edges admitted back to back before the rate applies; default 1000', positiveInt)
    .option('--drain-timeout <duration>', 'longest the drain on SIGTERM may take before exiting anyway; default 20s', duration)
    .option('--drain-redirect <url>', 'on SIGTERM, tell edges to reconnect to this hub instead (wss://HOST:PORT)')
    .option('--insecure-dev', 'no TLS: plain ws:// and http:// (development only; warns at start)')
    .option('--log-level <level>', 'trace, debug, info, warn, error, silent (default info)')
    .option('--kube <host:port>', `kube-compatible API for kubectl and isthmus exec/logs/port-forward (default ${DefaultKubeListen})`)
    .option('--no-kube', 'no kube-compatible API')
    .addHelpText('after', `
Configuration: flags > ISTHMUS_* environment > --config file (section cloudhub:) > defaults.
  Every setting of the file has an environment name: ISTHMUS_MAX_CONNECTIONS, ISTHMUS_TLS__CERT, ...
  See the effective result with: isthmus config print --config FILE

TLS is on by default: on first start the hub creates DIR/tls/ca.crt (give it to edges) and a server
certificate for localhost, this host's name and the listen address (add names with --tls-host).

Examples:
  $ isthmus cloudhub                                   # wss://0.0.0.0:10000, admin https://127.0.0.1:10001, data in ./data
  $ isthmus cloudhub --listen 0.0.0.0:443 --tls-host hub.example.com --data /var/lib/isthmus
  $ isthmus cloudhub --tls-cert hub.crt --tls-key hub.key --tls-ca ca.crt
  $ isthmus cloudhub --config /etc/isthmus/isthmus.yaml
  $ isthmus cloudhub --insecure-dev --listen 127.0.0.1:10000   # plain ws://, for development only`)
    .action(async (_f: unknown, cmd: Command) => {
      let hub: CloudHub;
      let options: CloudHubOptions;
      try {
        const f = cmd.opts<{ config?: string }>();
        options = loadConfig({
          section: 'cloudhub', file: f.config, defaults: { ...CLOUDHUB_DEFAULTS },
          flags: explicitFlags(cmd, {
            listen: 'listen', admin: 'admin', data: 'dataDir', store: 'store', storeMinFree: 'storeMinFreeBytes',
            pingInterval: 'pingIntervalMs', maxConnections: 'maxConnections', retryAfter: 'retryAfterMs',
            tlsCert: 'tls.cert', tlsKey: 'tls.key', tlsCa: 'tls.ca', tlsHost: 'tls.hosts', denyList: 'denyList',
            insecureDev: (v) => (v ? { insecure: 'dev' } : {}), logLevel: 'log', kube: 'tunnel.kube',
            mqtt: (v) => ({ mqtt: v === false ? false : { listen: v as string } }),
            admitRate: 'admission.ratePerSecond', admitBurst: 'admission.burst',
            drainTimeout: 'drainTimeoutMs', drainRedirect: 'drainRedirect',
          }),
        }) as CloudHubOptions;
        // The standalone hub serves the kube API unless told not to (an embedded one only when asked).
        if (options.tunnel?.kube === undefined) options.tunnel = { ...options.tunnel, kube: DefaultKubeListen };
      } catch (err) {
        fail(err);
      }
      const log = createLogger(options.log as 'info', 'cloudhub');
      try {
        const { CloudHub } = await import('../cloudhub/cloud-hub.js');
        hub = await CloudHub.start({ ...options, log });
      } catch (err) {
        fail(err);
      }
      const data = options.dataDir ?? CLOUDHUB_DEFAULTS.dataDir;
      // Only when debug is on: the record object was built for every message from every edge, logged or not.
      if (log.isLevelEnabled('debug')) hub.on('message', (node, m) => log.debug({ node, lane: m.lane, seq: m.seq, kind: m.kind, key: m.key, traceId: m.traceId || undefined }, 'message from edge'));
      const ca = hub.caFile ? ` --ca ${hub.caFile}` : '';
      process.stderr.write([
        '',
        'Isthmus cloud hub is up.',
        `  edges connect to:  ${hub.url}`,
        hub.caFile ? `  CA for edges:      ${hub.caFile} (copy it to each edge: --ca FILE)` : hub.url.startsWith('wss:') ? '  CA for edges:      your certificate\'s CA (the edges\' system CAs)' : '  TLS:               OFF (--insecure-dev): development only',
        hub.adminUrl ? `  admin API:         ${hub.adminUrl} (bearer token in ${data}/admin-token)` : '  admin API:         off',
        hub.kubeUrl ? `  kube API:          ${hub.kubeUrl} (kubectl --server ${hub.kubeUrl} --token $(cat ${data}/admin-token)${hub.caFile ? ` --certificate-authority ${hub.caFile}` : ''})` : '  kube API:          off',
        hub.denyListFile ? `  token deny list:   ${hub.denyListFile} (isthmus token revoke)` : '',
        hub.mqtt ? `  MQTT face:         ${hub.mqtt.url} (user "${hub.mqtt.config.username}", password in ${data}/mqtt-password)` : '  MQTT face:         off',
        'Attach an edge:',
        `  npx isthmus token create --node edge-1 --ttl 30d --data ${data}`,
        `  npx isthmus edgehub --cloud ${hub.url} --node edge-1 --token <token printed above>${ca}${hub.url.startsWith('ws:') ? ' --insecure-dev' : ''}`,
        'Then: npx isthmus nodes   and   npx isthmus send --node edge-1 --lane control --key reboot --json \'{"at":"now"}\'',
        '',
      ].filter((l) => l !== '').join('\n') + '\n\n');
      stopOnSignals(log, hub.config.drain.timeoutMs, async () => { await hub.drain(); });
    });
}
