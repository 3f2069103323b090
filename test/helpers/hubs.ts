/** Test fixtures: a cloud hub on a free loopback port and edges attached to it. */
import { CloudHub, EdgeHub, type CloudHubOptions, type EdgeHubOptions } from '../../index.js';

/**
 * Hubs in tests run in the insecure dev mode, asked for by name, unless a
 * test passes tls (or tls: {}) to have TLS; startEdge follows the hub.
 */
export async function startHub(opts: CloudHubOptions = {}): Promise<CloudHub> {
  return CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', ...(opts.tls ? {} : { insecure: 'dev' as const }), ...opts });
}

/** What an edge needs to reach this hub: its CA, or the dev mode for a plain hub. */
export function edgeTrust(hub: CloudHub): Partial<EdgeHubOptions> {
  return hub.url.startsWith('wss:') ? { ca: hub.ca! } : { insecure: 'dev' };
}

export async function startEdge(hub: CloudHub, node: string, opts: Partial<EdgeHubOptions> = {}): Promise<EdgeHub> {
  return EdgeHub.start({
    cloud: hub.url, node, token: hub.mintToken(node), log: 'silent', ...edgeTrust(hub),
    backoff: { baseMs: 20, capMs: 200, stableMs: 1000 }, ...opts,
  });
}

/** Resolves when cond() holds, polling; rejects after timeoutMs with the label. */
export async function until(cond: () => boolean, label: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
