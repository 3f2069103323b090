/** The edge hub's local admin listener (/metrics, /healthz, /readyz) and drain deadline: defaults and validation. */
import { parseHostPort } from '../cloudhub/config.js';

export const DefaultEdgeAdmin = Object.freeze({
  /** What the CLI listens on; an embedded edge hub has no listener unless `admin` is given. */
  listen: '127.0.0.1:10002',
  /** Longest a drain (SIGTERM) may take before the CLI exits anyway, ms. */
  drainTimeoutMs: 10_000,
});

export function edgeAdminConfig(admin: string | false | undefined): { host: string; port: number } | null {
  if (admin === undefined || admin === false) return null;
  if (typeof admin !== 'string') throw new TypeError(`admin must be "HOST:PORT" or false, got ${JSON.stringify(admin)}`);
  return parseHostPort(admin, 'admin');
}

export function edgeDrainTimeout(ms: number | undefined): number {
  const v = ms ?? DefaultEdgeAdmin.drainTimeoutMs;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new TypeError(`drainTimeoutMs must be an integer of at least 0, got ${JSON.stringify(v)}`);
  return v;
}
