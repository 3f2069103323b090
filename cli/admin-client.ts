/**
 * How CLI commands reach a running cloud hub's admin API: the URL and admin
 * token come from flags, then the environment, then the hub's data folder,
 * so that on one machine nobody copies secrets by hand.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readHubAddress } from '../cloudhub/data-dir.js';

export interface AdminTarget {
  hub?: string;
  data: string;
  adminToken?: string;
}

export const DEFAULT_ADMIN_URL = 'http://127.0.0.1:10001';

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

/** Calls the admin API; throws an Error carrying the hub's own message on a non-2xx answer. */
export async function callAdmin<T>(t: AdminTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const url = adminUrl(t) + path;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${adminToken(t)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new Error(`cannot reach the hub's admin API at ${adminUrl(t)} (${(err as Error).cause ? String((err as { cause: Error }).cause.message) : (err as Error).message}): is the cloud hub running? pass --hub URL`);
  }
  const text = await res.text();
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { parsed = { error: text.trim() }; }
  if (!res.ok) throw new Error(`hub answered ${res.status}: ${(parsed as { error?: string }).error ?? text}`);
  return { status: res.status, body: parsed as T };
}
