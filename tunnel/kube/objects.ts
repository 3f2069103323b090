/**
 * The Kubernetes objects the kube-compatible face answers with: discovery,
 * Pods built from what the edges report, and metav1.Status for errors and
 * for the exec error channel.
 */
import type { PodRecord } from '../cloud-tunnel.js';
import { createHash } from 'node:crypto';

export const KUBE_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0-isthmus', platform: `${process.platform}/${process.arch}` };

export function status(code: number, reason: string, message: string): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

export const apiVersions = { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '' }] };
export const apiGroups = { kind: 'APIGroupList', apiVersion: 'v1', groups: [] };
export const apiResources = {
  kind: 'APIResourceList', groupVersion: 'v1',
  resources: [
    { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'] },
    { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
    { name: 'pods/exec', singularName: '', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'pods/portforward', singularName: '', namespaced: true, kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  ],
};

/** A Pod as kubectl expects it; the container is named after the pod. */
export function podObject(p: PodRecord, online: boolean): Record<string, unknown> {
  const uid = createHash('sha256').update(`${p.node}/${p.namespace}/${p.name}`).digest('hex');
  const startedAt = p.startedAt;
  return {
    kind: 'Pod', apiVersion: 'v1',
    metadata: {
      name: p.name, namespace: p.namespace, creationTimestamp: startedAt,
      uid: `${uid.slice(0, 8)}-${uid.slice(8, 12)}-${uid.slice(12, 16)}-${uid.slice(16, 20)}-${uid.slice(20, 32)}`,
      annotations: { 'isthmus.io/node': p.node },
    },
    spec: {
      nodeName: p.node,
      containers: [{ name: p.name, image: 'isthmus-edge', ports: p.ports.map((containerPort) => ({ containerPort, protocol: 'TCP' })) }],
    },
    status: {
      phase: online ? 'Running' : 'Unknown',
      conditions: [{ type: 'Ready', status: online ? 'True' : 'Unknown' }],
      startTime: startedAt,
      containerStatuses: [{
        name: p.name, ready: online, restartCount: 0, image: 'isthmus-edge', imageID: '', started: online,
        state: online ? { running: { startedAt } } : { waiting: { reason: 'NodeOffline' } },
      }],
    },
  };
}

export function podList(items: Array<Record<string, unknown>>): Record<string, unknown> {
  return { kind: 'PodList', apiVersion: 'v1', metadata: {}, items };
}

/** The exec error channel's final message (remotecommand v4+): Success, or the exit code as a cause. */
export function execStatus(code: number | null, message?: string): Record<string, unknown> {
  if (code === 0) return { metadata: {}, status: 'Success' };
  if (code === null) return { metadata: {}, status: 'Failure', message: message ?? 'stream failed', reason: 'InternalError' };
  return {
    metadata: {}, status: 'Failure', message: `command terminated with non-zero exit code: ${code}`, reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

function age(from: string, now = Date.now()): string {
  const s = Math.max(0, Math.floor((now - Date.parse(from)) / 1000));
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.floor(s / 60)}m` : s < 172_800 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86_400)}d`;
}

/** Server-side printing (kubectl asks for `as=Table`): the columns `kubectl get pods` shows, plus the node. */
export function podTable(pods: Array<Record<string, unknown>>): Record<string, unknown> {
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {},
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: 'pod name', priority: 0 },
      { name: 'Ready', type: 'string', format: '', description: 'ready containers', priority: 0 },
      { name: 'Status', type: 'string', format: '', description: 'phase', priority: 0 },
      { name: 'Restarts', type: 'integer', format: '', description: 'restarts', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: 'since the edge started serving it', priority: 0 },
      { name: 'Node', type: 'string', format: '', description: 'the edge', priority: 0 },
    ],
    rows: pods.map((p) => {
      const meta = p.metadata as { name: string; creationTimestamp: string };
      const status = p.status as { phase: string; containerStatuses: Array<{ ready: boolean }> };
      const spec = p.spec as { nodeName: string };
      return {
        cells: [meta.name, `${status.containerStatuses.filter((c) => c.ready).length}/1`, status.phase, 0, age(meta.creationTimestamp), spec.nodeName],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p.metadata },
      };
    }),
  };
}
