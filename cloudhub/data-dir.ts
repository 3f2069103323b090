/**
 * The hub's data folder: its signing secret and admin token, created on first
 * start with mode 0600, and hub.json telling local CLI commands where the
 * running hub's admin API is. One machine never needs secrets copied by hand.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface HubFiles {
  dir: string;
  secret: Buffer;
  adminToken: string;
}

export interface HubAddress {
  url: string;
  admin: string | null;
  pid: number;
  /** The CA file clients verify the hub against (absent in the insecure dev mode). */
  ca?: string | null;
  /** The kube-compatible API (tunnel), when it runs. */
  kube?: string | null;
}

function readOrCreate(path: string, make: () => string): string {
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8').trim();
    if (!text) throw new Error(`${path} is empty: delete it to have a new one generated (tokens signed with the old secret stop working)`);
    return text;
  }
  writeFileSync(path, make() + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return readFileSync(path, 'utf8').trim();
}

/** Loads the secret and admin token from dir, generating them on first use. */
export function openDataDir(dir: string): HubFiles {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  const secretHex = readOrCreate(join(abs, 'secret'), () => randomBytes(32).toString('hex'));
  if (!/^[0-9a-f]{64,}$/.test(secretHex)) throw new Error(`${join(abs, 'secret')} is not a hex secret of at least 32 bytes`);
  const adminToken = readOrCreate(join(abs, 'admin-token'), () => randomBytes(24).toString('base64url'));
  return { dir: abs, secret: Buffer.from(secretHex, 'hex'), adminToken };
}

/** Reads the secret and admin token without creating anything (for CLI commands). */
export function readDataDir(dir: string): HubFiles {
  const abs = resolve(dir);
  try {
    return {
      dir: abs,
      secret: Buffer.from(readFileSync(join(abs, 'secret'), 'utf8').trim(), 'hex'),
      adminToken: readFileSync(join(abs, 'admin-token'), 'utf8').trim(),
    };
  } catch {
    throw new Error(`no hub secrets in ${abs}: start a cloud hub with --data ${dir} first, or pass --data`);
  }
}

export function writeHubAddress(dir: string, address: HubAddress): void {
  writeFileSync(join(resolve(dir), 'hub.json'), JSON.stringify(address, null, 2) + '\n');
}

export function readHubAddress(dir: string): HubAddress | null {
  try {
    return JSON.parse(readFileSync(join(resolve(dir), 'hub.json'), 'utf8')) as HubAddress;
  } catch {
    return null;
  }
}
