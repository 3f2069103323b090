/** Test fixtures: a cloud hub on a free loopback port and edges attached to it. */
import { CloudHub, EdgeHub, type CloudHubOptions, type EdgeHubOptions } from '../../index.js';

export async function startHub(opts: CloudHubOptions = {}): Promise<CloudHub> {
  return CloudHub.start({ listen: '127.0.0.1:0', log: 'silent', ...opts });
}

export async function startEdge(hub: CloudHub, node: string, opts: Partial<EdgeHubOptions> = {}): Promise<EdgeHub> {
  return EdgeHub.start({
    cloud: hub.url, node, token: hub.mintToken(node), log: 'silent',
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
