/**
 * `isthmus send`: hands a message to the running hub for one node and prints
 * the receipt: delivered once the edge acknowledged it, or queued when the
 * edge is offline (or did not answer within --wait).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { callAdmin } from './admin-client.js';
import { duration, fail } from './options.js';

interface Flags {
  node: string;
  lane: string;
  key?: string;
  kind?: string;
  op?: string;
  type?: string;
  namespace?: string;
  name?: string;
  resourceVersion?: string;
  json?: string;
  text?: string;
  file?: string;
  ttl?: number;
  wait: number;
  data: string;
  hub?: string;
  adminToken?: string;
  ca?: string;
}

export function registerSend(program: Command): void {
  program.command('send')
    .description('send a message to a node through the running hub and print the receipt')
    .requiredOption('--node <name>', 'destination node')
    .option('--lane <lane>', 'control, state, events or bulk (default events, as in the API)', 'events')
    .option('--key <key>', 'coalescing key')
    .option('--kind <kind>', 'message or object kind')
    .option('--op <op>', 'insert, update, patch or delete')
    .option('--type <type>', 'message, resource or status')
    .option('--namespace <ns>', 'object namespace')
    .option('--name <name>', 'object name')
    .option('--resource-version <n>', 'object resource version')
    .option('--json <json>', 'payload: a JSON value, sent as msgpack')
    .option('--text <text>', 'payload: text, sent as bytes (text/plain)')
    .option('--file <path>', 'payload: a file, sent as bytes')
    .option('--ttl <duration>', 'never deliver after this long', duration)
    .option('--wait <duration>', 'how long to wait for the edge\'s ack', duration, 10_000)
    .option('--data <dir>', 'hub data folder (admin token, hub address)', './data')
    .option('--hub <url>', 'admin API URL of the running hub')
    .option('--admin-token <token>', 'admin token (or ISTHMUS_ADMIN_TOKEN)')
    .option('--ca <file>', 'CA of the hub\'s HTTPS admin API (or ISTHMUS_CA; default DIR/tls/ca.crt)')
    .addHelpText('after', `
Examples:
  $ isthmus send --node edge-1 --lane control --key reboot --json '{"at":"now"}'
  $ isthmus send --node edge-1 --lane state --type resource --kind Pod --namespace default --name web --op update --resource-version 7 --json '{"replicas":2}'
  $ isthmus send --node edge-1 --lane bulk --file firmware.bin --wait 0      # do not wait for the edge's ack
  $ isthmus send --node edge-1 --text hello --hub https://hub.internal:10001 --admin-token T --ca ca.crt
Exit status 3 when the message was dropped (see the printed reason).`)
    .action(async (f: Flags) => {
      try {
        const body: Record<string, unknown> = {
          lane: f.lane, key: f.key, kind: f.kind, op: f.op, type: f.type, namespace: f.namespace, name: f.name,
          resourceVersion: f.resourceVersion, ttlMs: f.ttl,
        };
        if ([f.json, f.text, f.file].filter((x) => x !== undefined).length > 1) throw new Error('give one of --json, --text, --file');
        if (f.json !== undefined) {
          try { body.json = JSON.parse(f.json); } catch (err) { throw new Error(`--json is not JSON: ${(err as Error).message}`); }
        } else if (f.text !== undefined) {
          body.base64 = Buffer.from(f.text).toString('base64');
          body.contentType = 'text/plain; charset=utf-8';
        } else if (f.file !== undefined) {
          body.base64 = readFileSync(f.file).toString('base64');
        }
        const path = `/v1/nodes/${encodeURIComponent(f.node)}/messages?wait=${f.wait}`;
        const r = await callAdmin<Record<string, unknown>>(f, 'POST', path, body);
        process.stdout.write(JSON.stringify(r.body) + '\n');
        if (r.body.status === 'dropped') process.exitCode = 3;
      } catch (err) {
        fail(err);
      }
    });
}
