/**
 * `isthmus edgehub`: runs an edge hub. Messages from the cloud are printed to
 * stdout as JSON lines (except, with --mqtt, those the local broker gets); with --stdin, JSON lines read from stdin are published
 * (fields of SendInput, with the payload as "json" or "base64").
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { DefaultEdgeAdmin, DefaultEdgeMqtt, EdgeHub, type EdgeHubOptions } from '../edgehub/index.js';
import { createLogger, type SendInput } from '../link/index.js';
import { isMqttMessage } from '../mqtt/index.js';
import { duration, fail, positiveInt } from './options.js';
import { stopOnSignals } from './drain-signals.js';
import { loadConfig } from './config-load.js';
import { collect, explicitFlags } from './config-flags.js';

/** The command's defaults (dataDir defaults to ./edge-data/NODE once the node is known). */
export const EDGEHUB_DEFAULTS = Object.freeze({ store: 'lmdb', log: 'info', admin: DefaultEdgeAdmin.listen });

export function registerEdgehub(program: Command): void {
  program.command('edgehub')
    .description('run an edge hub connected to a cloud hub')
    .option('--config <file>', 'YAML config file, section edgehub: (or ISTHMUS_CONFIG)')
    .option('--cloud <url>', 'cloud hub URL, e.g. wss://hub.example.com:10000 (or ISTHMUS_CLOUD); repeat for one path per URL (replicas, uplinks)', collect)
    .option('--paths <n>', 'sockets to hold to the cloud at once (multipath: control goes on all, the first copy wins)', positiveInt)
    .option('--local-address <ip>', 'dial from this local address; repeat for one per path (several uplinks)', collect)
    .option('--node <name>', 'this edge\'s node name, the one its token names (or ISTHMUS_NODE)')
    .option('--token <token>', 'node token (or ISTHMUS_TOKEN)')
    .option('--token-file <file>', 'file holding the node token; a new token written there is sent over the open link (rotation)')
    .option('--ca <file>', 'CA file the cloud hub\'s certificate must chain to: the hub\'s DATA/tls/ca.crt (default: system CAs)')
    .option('--data <dir>', 'folder of the durable store (outbox, watermarks, resource cache); default ./edge-data/NODE')
    .option('--store <kind>', 'lmdb (durable, in DIR) or memory (default lmdb)')
    .option('--stdin', 'publish JSON lines read from stdin')
    .option('--backoff-base <duration>', 'first reconnect ceiling', duration)
    .option('--backoff-cap <duration>', 'largest reconnect ceiling', duration)
    .option('--mqtt [host:port]', `local MQTT broker for devices (default ${DefaultEdgeMqtt.listen}): isthmus/up/# goes to the cloud, cloud messages arrive under isthmus/down/`)
    .option('--mqtt-broker <url>', 'use an existing broker instead (external mode), e.g. mqtt://127.0.0.1:1883')
    .option('--admin <host:port>', `local listener for /metrics, /healthz, /readyz (default ${DefaultEdgeAdmin.listen})`)
    .option('--no-admin', 'no local listener')
    .option('--drain-timeout <duration>', 'longest the drain on SIGTERM may take before exiting anyway; default 10s', duration)
    .option('--insecure-dev', 'allow a plain ws:// cloud URL (development only; warns at start)')
    .option('--log-level <level>', 'trace, debug, info, warn, error, silent (default info)')
    .option('--exec-allow <programs>', 'tunnel: comma-separated programs exec may run ("*": any); exec is off without it. Pods: edgehub.tunnel.pods in the config file')
    .addHelpText('after', `
Configuration: flags > ISTHMUS_* environment > --config file (section edgehub:) > defaults.

Examples:
  $ isthmus edgehub --cloud wss://hub.example.com:10000 --node edge-1 --token-file /etc/isthmus/token --ca /etc/isthmus/ca.crt
  $ ISTHMUS_TOKEN=ist1... isthmus edgehub --cloud wss://127.0.0.1:10000 --node edge-1 --ca ./data/tls/ca.crt
  $ echo '{"lane":"events","kind":"Alert","json":{"temp":91}}' | isthmus edgehub --config edge.yaml --stdin
  $ isthmus edgehub --cloud ws://127.0.0.1:10000 --node edge-1 --token ist1... --insecure-dev   # a dev hub
  $ isthmus edgehub --cloud wss://hub-a:10000 --cloud wss://hub-b:10000 --node edge-1 --token-file t --ca ca.crt   # multipath over two replicas
  $ isthmus edgehub --config edge.yaml --paths 2 --local-address 10.0.0.5 --local-address 192.168.1.5   # two uplinks`)
    .action(async (_f: unknown, cmd: Command) => {
      const f = cmd.opts<{ config?: string; stdin?: boolean }>();
      let options: EdgeHubOptions;
      try {
        const o = loadConfig({
          section: 'edgehub', file: f.config, defaults: { ...EDGEHUB_DEFAULTS },
          flags: explicitFlags(cmd, {
            cloud: 'cloud', paths: 'paths', localAddress: 'localAddresses', node: 'node', token: 'token', tokenFile: 'tokenFile', ca: 'ca', data: 'dataDir', store: 'store',
            backoffBase: 'backoff.baseMs', backoffCap: 'backoff.capMs', insecureDev: (v) => (v ? { insecure: 'dev' } : {}), logLevel: 'log',
            mqtt: (v) => ({ mqtt: v === true ? {} : { listen: v as string } }),
            mqttBroker: (v) => ({ mqtt: { broker: v as string } }),
            admin: 'admin', drainTimeout: 'drainTimeoutMs',
            execAllow: (v) => ({ tunnel: { exec: { allow: String(v).split(',').map((p) => p.trim()).filter(Boolean) } } }),
          }),
        });
        for (const [key, flag] of [['cloud', '--cloud'], ['node', '--node']] as const) {
          if (o[key] === undefined) throw new TypeError(`${key} is required: ${flag}, ISTHMUS_${key.toUpperCase()} or edgehub.${key} in the config file`);
        }
        if (o.dataDir === undefined && o.store !== 'memory') o.dataDir = `./edge-data/${String(o.node)}`;
        options = o as unknown as EdgeHubOptions;
      } catch (err) {
        fail(err);
      }
      const log = createLogger(options.log as 'info', 'edgehub');
      let edge: EdgeHub;
      try {
        edge = await EdgeHub.start({ ...options, log });
      } catch (err) {
        fail(err);
      }
      // What the MQTT face publishes on the local broker is delivered there, not printed as well.
      edge.on('message', (m) => { if (!(edge.mqtt && isMqttMessage(m))) process.stdout.write(JSON.stringify(m) + '\n'); });
      if (f.stdin) {
        const lines = createInterface({ input: process.stdin });
        lines.on('line', (line) => {
          if (!line.trim()) return;
          let input: SendInput;
          try {
            const { json, base64, ...rest } = JSON.parse(line) as SendInput & { json?: unknown; base64?: string };
            input = { ...rest, payload: base64 !== undefined ? Buffer.from(base64, 'base64') : json };
          } catch (err) {
            log.error({ line: line.slice(0, 200), err: (err as Error).message }, 'stdin line is not JSON; skipped');
            return;
          }
          edge.publish(input).catch((err: Error) => log.error({ err: err.message, traceId: input.traceId }, 'publish refused'));
        });
      }
      if (edge.adminUrl) log.info({ admin: edge.adminUrl }, 'metrics, healthz and readyz served');
      stopOnSignals(log, edge.config.drainTimeoutMs, () => edge.drain());
    });
}
