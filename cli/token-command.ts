/**
 * `isthmus token create`: mints a node token. With the hub's data folder at
 * hand it signs locally; otherwise it asks the running hub's admin API.
 * `isthmus token revoke`: adds a token or a node to the hub's deny list file,
 * which the running hub reloads (live sessions of revoked tokens are closed).
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { appendDenyEntry, mintToken, readDataDir } from '../cloudhub/index.js';
import { checkNodeName } from '../link/index.js';
import { callAdmin } from './admin-client.js';
import { duration, fail } from './options.js';

interface Flags {
  node: string;
  ttl: number;
  data: string;
  hub?: string;
  adminToken?: string;
  ca?: string;
  json?: boolean;
}

interface RevokeFlags {
  token?: string;
  id?: string;
  node?: string;
  data: string;
  denyList?: string;
  reason?: string;
}

/** The claims of a token, read without verifying it (the hub verifies). */
function claimsOf(token: string): { node: string; jti: string; iat: number; exp: number } {
  try {
    const c = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { node: string; jti: string; iat: number; exp: number };
    if (typeof c.jti !== 'string' || typeof c.node !== 'string') throw new Error('incomplete');
    return c;
  } catch {
    throw new Error('--token is not an isthmus token (ist1.<claims>.<signature>)');
  }
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('node tokens: create, revoke');
  token.command('create')
    .description('mint a token for a node; prints it on stdout')
    .requiredOption('--node <name>', 'the node the token is for (the only name it can use)')
    .option('--ttl <duration>', 'lifetime, e.g. 30d, 12h', duration, 30 * 86_400_000)
    .option('--json', 'print {"token","id","node","expiresAt"} instead of the bare token')
    .option('--data <dir>', 'hub data folder holding the secret', './data')
    .option('--hub <url>', 'admin API of a running hub (used when --data has no secret)')
    .option('--admin-token <token>', 'admin token (or ISTHMUS_ADMIN_TOKEN)')
    .option('--ca <file>', 'CA of the hub\'s HTTPS admin API (or ISTHMUS_CA; default DIR/tls/ca.crt)')
    .addHelpText('after', `
Examples:
  $ isthmus token create --node edge-1                      # 30 days, signed with ./data/secret
  $ isthmus token create --node edge-1 --ttl 12h --json     # with its id (for token revoke --id)
  $ isthmus token create --node edge-1 --hub https://hub.internal:10001 --admin-token T --ca ca.crt`)
    .action(async (f: Flags) => {
      try {
        let files: ReturnType<typeof readDataDir> | null = null;
        if (!f.hub) {
          try { files = readDataDir(f.data); } catch { /* fall back to the admin API */ }
        }
        const minted = files ? mintToken(files.secret, f.node, f.ttl)
          : (await callAdmin<{ token: string }>(f, 'POST', '/v1/tokens', { node: f.node, ttl: f.ttl })).body.token;
        if (!f.json) { process.stdout.write(minted + '\n'); return; }
        const c = claimsOf(minted);
        process.stdout.write(JSON.stringify({ token: minted, id: c.jti, node: c.node, expiresAt: new Date(c.exp * 1000).toISOString() }) + '\n');
      } catch (err) {
        fail(err);
      }
    });
  token.command('revoke')
    .description('revoke a token or every current token of a node (the running hub reloads its deny list and closes their sessions with 4403)')
    .option('--token <token>', 'the token to revoke')
    .option('--id <id>', 'the id of the token to revoke (token create --json prints it)')
    .option('--node <name>', 'revoke every token of this node issued until now (tokens minted later work)')
    .option('--reason <text>', 'a note kept in the deny list')
    .option('--data <dir>', 'hub data folder (the deny list is DIR/revoked)', './data')
    .option('--deny-list <file>', 'the deny list file, when the hub uses another (cloudhub --deny-list)')
    .addHelpText('after', `
Examples:
  $ isthmus token revoke --node edge-7 --reason "stolen laptop"
  $ isthmus token revoke --token ist1.eyJub2RlIjoi...
  $ isthmus token revoke --id 3q2-7w_xYzAB --data /var/lib/isthmus
The file is plain text (one "id <id>" or "node <name> [<ISO time>]" per line) and may be edited by hand.`)
    .action((f: RevokeFlags) => {
      try {
        const given = [f.token, f.id, f.node].filter((x) => x !== undefined).length;
        if (given !== 1) throw new Error('give exactly one of --token, --id, --node');
        const file = f.denyList ?? join(f.data, 'revoked');
        const note = `${new Date().toISOString()}${f.reason ? ` ${f.reason.replace(/\n/g, ' ')}` : ''}`;
        let entry: string;
        if (f.node !== undefined) entry = `node ${checkNodeName(f.node)} ${new Date().toISOString()}`;
        else if (f.id !== undefined) {
          if (!/^[\w-]{1,64}$/.test(f.id)) throw new Error(`--id "${f.id}" is not a token id`);
          entry = `id ${f.id}`;
        } else {
          const c = claimsOf(f.token!);
          entry = `id ${c.jti}`;
        }
        appendDenyEntry(file, entry, note);
        process.stdout.write(`revoked: ${entry} (in ${file}; a running hub applies it within its poll interval)\n`);
      } catch (err) {
        fail(err);
      }
    });
}
