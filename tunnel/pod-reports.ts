/**
 * The edge reports its declared pods to the cloud as STATUS messages of kind
 * Pod on the state lane (durable, coalesced by key: newest wins), and deletes
 * the ones it reported before and no longer serves.
 */
import type { KeyValue, Receipt, SendInput } from '../link/index.js';
import type { EdgeTunnel } from './edge-tunnel.js';

const REPORTED = ['tunnel', 'reported-pods'];

export async function reportPods(edge: { publish(i: SendInput): Promise<Receipt>; kv: KeyValue }, tunnel: EdgeTunnel, node: string): Promise<void> {
  const now = new Date().toISOString();
  const reports = tunnel.podReports(node, now);
  const current = new Set(reports.map((r) => `${r.namespace}/${r.name}`));
  const before = (edge.kv.get(REPORTED) as string[] | undefined) ?? [];
  const version = Date.now();
  for (const gone of before.filter((k) => !current.has(k))) {
    const [namespace, name] = gone.split('/') as [string, string];
    await edge.publish({ lane: 'state', type: 'status', kind: 'Pod', namespace, name, op: 'delete', resourceVersion: version });
  }
  for (const r of reports) {
    await edge.publish({ lane: 'state', type: 'status', kind: 'Pod', namespace: r.namespace, name: r.name, op: 'update', resourceVersion: version, payload: r });
  }
  edge.kv.put(REPORTED, [...current]);
}
