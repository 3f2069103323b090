/**
 * `isthmus edgehub`: runs an edge hub. Messages from the cloud are printed to
 * stdout as JSON lines; with --stdin, JSON lines read from stdin are published
 * (fields of SendInput, with the payload as "json" or "base64").
 */
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EdgeHub } from '../edgehub/index.js';
import { createLogger, type SendInput } from '../link/index.js';
import { collect, duration, fail, positiveInt } from './options.js';

interface Flags {
  cloud: string[];
  paths?: number;
  localAddress?: string[];
  node: string;
  token?: string;
  stdin?: boolean;
  data?: string;
  store: 'memory' | 'lmdb';
  backoffBase?: number;
  backoffCap?: number;
  logLevel: string;
  tunnel?: string;
  execAllow?: string;
}

export function registerEdgehub(program: Command): void {
  program.command('edgehub')
    .description('run an edge hub connected to a cloud hub')
    .requiredOption('--cloud <url>', 'cloud hub URL, e.g. ws://127.0.0.1:10000; repeat for one path per URL (replicas, uplinks)', collect, [])
    .option('--paths <n>', 'sockets to hold to the cloud at once (multipath: control goes on all, first copy wins)', positiveInt)
    .option('--local-address <ip>', 'dial from this local address; repeat for one per path (several uplinks)', collect)
    .requiredOption('--node <name>', 'this edge\'s node name (the one its token names)')
    .option('--token <token>', 'node token (or ISTHMUS_TOKEN)')
    .option('--data <dir>', 'folder of the durable store (outbox, watermarks, resource cache); default ./edge-data/NODE')
    .option('--store <kind>', 'lmdb (durable, in DIR) or memory', 'lmdb')
    .option('--stdin', 'publish JSON lines read from stdin')
    .option('--backoff-base <duration>', 'first reconnect ceiling', duration)
    .option('--backoff-cap <duration>', 'largest reconnect ceiling', duration)
    .option('--log-level <level>', 'trace, debug, info, warn, error, silent', 'info')
    .option('--tunnel <file>', 'JSON file of the tunnel settings: {"pods": {"web": {"logFile": ..., "ports": {"80": 8080}}}, "exec": {"allow": ["sh"]}}')
    .option('--exec-allow <programs>', 'comma-separated programs exec may run ("*": any); exec is off without it')
    .action(async (f: Flags) => {
      const log = createLogger(f.logLevel as 'info', 'edgehub');
      const token = f.token ?? process.env.ISTHMUS_TOKEN ?? '';
      let edge: EdgeHub;
      try {
        const tunnel = f.tunnel ? JSON.parse(readFileSync(f.tunnel, 'utf8')) as Record<string, unknown> : {};
        if (f.execAllow) tunnel.exec = { allow: f.execAllow.split(',').map((s) => s.trim()).filter(Boolean) };
        edge = await EdgeHub.start({
          cloud: f.cloud, paths: f.paths, localAddresses: f.localAddress, node: f.node, token, log, dataDir: f.data ?? `./edge-data/${f.node}`, store: f.store, tunnel,
          backoff: { ...(f.backoffBase !== undefined ? { baseMs: f.backoffBase } : {}), ...(f.backoffCap !== undefined ? { capMs: f.backoffCap } : {}) },
        });
      } catch (err) {
        fail(err);
      }
      edge.on('message', (m) => process.stdout.write(JSON.stringify(m) + '\n'));
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
          edge.publish(input).catch((err: Error) => log.error({ err: err.message }, 'publish refused'));
        });
      }
      const stop = (): void => { void edge.close().then(() => process.exit(0)); };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
}
