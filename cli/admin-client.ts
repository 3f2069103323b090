/**
 * How CLI commands reach a running cloud hub's admin API: the URL, admin
 * token and CA come from flags, then the environment, then the hub's data
 * folder, so that on one machine nobody copies secrets by hand. The admin API
 * speaks HTTPS (unless the hub runs in the insecure dev mode); the CA is the
 * hub's own DATA/tls/ca.crt unless given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join, resolve } from 'node:path';
import { readHubAddress } from '../cloudhub/index.js';
import { describeConnectError } from '../edgehub/edge-security.js';

export interface AdminTarget {
  hub?: string;
  data: string;
  adminToken?: string;
  /** CA file for an https admin API. */
  ca?: string;
}

export const DEFAULT_ADMIN_URL = 'https://127.0.0.1:10001';

export function adminUrl(t: AdminTarget): string {
  return (t.hub ?? process.env.ISTHMUS_HUB ?? readHubAddress(t.data)?.admin ?? DEFAULT_ADMIN_URL).replace(/\/+$/, '');
}

export function adminToken(t: AdminTarget): string {
  const given = t.adminToken ?? process.env.ISTHMUS_ADMIN_TOKEN;
  if (given) return given;
  const file = join(resolve(t.data), 'admin-token');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new Error(`no admin token: pass --admin-token, set ISTHMUS_ADMIN_TOKEN, or point --data at the hub's data folder (${file} not readable)`);
  }
}

/** The CA file to trust: --ca, ISTHMUS_CA, hub.json's, then DATA/tls/ca.crt; null for the system's CAs. */
export function adminCa(t: AdminTarget): string | null {
  const given = t.ca ?? process.env.ISTHMUS_CA;
  if (given) return given;
  const recorded = readHubAddress(t.data)?.ca;
  if (recorded && existsSync(recorded)) return recorded;
  const local = join(resolve(t.data), 'tls', 'ca.crt');
  return existsSync(local) ? local : null;
}

/** Calls the admin API; throws an Error carrying the hub's own message on a non-2xx answer. */
export async function callAdmin<T>(t: AdminTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const base = adminUrl(t);
  const url = new URL(base + path);
  const caFile = url.protocol === 'https:' ? adminCa(t) : null;
  let ca: string | undefined;
  if (caFile) {
    try { ca = readFileSync(caFile, 'utf8'); } catch (err) { throw new Error(`CA file ${caFile} not readable: ${(err as Error).message}`); }
  }
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { authorization: `Bearer ${adminToken(t)}` };
  if (payload !== undefined) { headers['content-type'] = 'application/json'; headers['content-length'] = String(Buffer.byteLength(payload)); }
  const { status, text } = await new Promise<{ status: number; text: string }>((done, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers, ...(ca ? { ca } : {}) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', (err: Error & { code?: string }) => {
      const d = describeConnectError(err, { ca, caSource: caFile ?? 'the system\'s CAs', insecure: false, tokenFile: null, tokenFilePollMs: 0 });
      const hint = d.tls ? d.message.replace(/give the edge the hub's CA file.*$/, 'pass --ca with the hub\'s DATA/tls/ca.crt, or --data pointing at the hub\'s data folder') : d.message;
      reject(new Error(`cannot reach the hub's admin API at ${base} (${hint}): is the cloud hub running? pass --hub URL`));
    });
    req.end(payload);
  });
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { parsed = { error: text.trim() }; }
  if (status < 200 || status >= 300) throw new Error(`hub answered ${status}: ${(parsed as { error?: string }).error ?? text}`);
  return { status, body: parsed as T };
}
