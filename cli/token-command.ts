/**
 * `isthmus token create`: mints a node token. With the hub's data folder at
 * hand it signs locally; otherwise it asks the running hub's admin API.
 */
import type { Command } from 'commander';
import { mintToken } from '../cloudhub/token.js';
import { readDataDir } from '../cloudhub/data-dir.js';
import { callAdmin } from './admin-client.js';
import { duration, fail } from './options.js';

interface Flags {
  node: string;
  ttl: number;
  data: string;
  hub?: string;
  adminToken?: string;
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('node tokens');
  token.command('create')
    .description('mint a token for a node; prints it on stdout')
    .requiredOption('--node <name>', 'the node the token is for (the only name it can use)')
    .option('--ttl <duration>', 'lifetime, e.g. 30d, 12h', duration, 30 * 86_400_000)
    .option('--data <dir>', 'hub data folder holding the secret', './data')
    .option('--hub <url>', 'admin API of a running hub (used when --data has no secret)')
    .option('--admin-token <token>', 'admin token (or ISTHMUS_ADMIN_TOKEN)')
    .action(async (f: Flags) => {
      try {
        let files: ReturnType<typeof readDataDir> | null = null;
        if (!f.hub) {
          try { files = readDataDir(f.data); } catch { /* fall back to the admin API */ }
        }
        if (files) {
          process.stdout.write(mintToken(files.secret, f.node, f.ttl) + '\n');
          return;
        }
        const r = await callAdmin<{ token: string }>(f, 'POST', '/v1/tokens', { node: f.node, ttl: f.ttl });
        process.stdout.write(r.body.token + '\n');
      } catch (err) {
        fail(err);
      }
    });
}
