/** `isthmus nodes`: lists nodes with presence, RTT, per-lane queues and last seen. */
import type { Command } from 'commander';
import type { NodeInfo } from '../cloudhub/index.js';
import { LANE_NAMES } from '../link/index.js';
import { callAdmin } from './admin-client.js';
import { fail } from './options.js';

interface Flags {
  json?: boolean;
  data: string;
  hub?: string;
  adminToken?: string;
  ca?: string;
}

function ago(ms: number | null, now: number): string {
  if (ms === null) return '-';
  const s = Math.round((now - ms) / 1000);
  return s < 60 ? `${s}s ago` : s < 3600 ? `${Math.round(s / 60)}m ago` : `${Math.round(s / 3600)}h ago`;
}

function bytes(n: number): string {
  return n < 1024 ? `${n}B` : n < 1 << 20 ? `${(n / 1024).toFixed(1)}K` : `${(n / (1 << 20)).toFixed(1)}M`;
}

export function formatNodes(nodes: NodeInfo[], now = Date.now()): string {
  const head = ['NODE', 'ONLINE', 'RTT', 'LAST SEEN', ...LANE_NAMES.map((l) => l.toUpperCase())];
  const rows = nodes.map((n) => [
    n.node, n.online ? 'yes' : 'no', n.rttMs === null ? '-' : `${n.rttMs}ms`, ago(n.lastSeenAt, now),
    ...LANE_NAMES.map((l) => {
      const d = n.lanes[l];
      return d.messages ? `${d.messages} (${bytes(d.bytes)}, oldest ${Math.round((d.oldestAgeMs ?? 0) / 1000)}s)` : '0';
    }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}

export function registerNodes(program: Command): void {
  program.command('nodes')
    .description('list nodes: online, RTT, per-lane queue depth, last seen')
    .option('--json', 'print JSON')
    .option('--data <dir>', 'hub data folder (admin token, hub address)', './data')
    .option('--hub <url>', 'admin API URL of the running hub')
    .option('--admin-token <token>', 'admin token (or ISTHMUS_ADMIN_TOKEN)')
    .option('--ca <file>', 'CA of the hub\'s HTTPS admin API (or ISTHMUS_CA; default DIR/tls/ca.crt)')
    .addHelpText('after', `
Examples:
  $ isthmus nodes                         # the hub whose data folder is ./data
  $ isthmus nodes --json --data /var/lib/isthmus
  $ ISTHMUS_HUB=https://hub.internal:10001 ISTHMUS_ADMIN_TOKEN=T ISTHMUS_CA=ca.crt isthmus nodes`)
    .action(async (f: Flags) => {
      try {
        const r = await callAdmin<NodeInfo[]>(f, 'GET', '/v1/nodes');
        process.stdout.write(f.json ? JSON.stringify(r.body, null, 2) + '\n' : r.body.length ? formatNodes(r.body) : 'no nodes yet\n');
      } catch (err) {
        fail(err);
      }
    });
}
