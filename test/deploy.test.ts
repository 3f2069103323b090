/**
 * The packaging: deploy/kubernetes rendered by the real `kubectl kustomize`
 * and checked (kinds, probes on real endpoints, the store's volume, non-root,
 * resources, the PDB and Services selecting the pod), the ConfigMap's config
 * accepted by the loader and served by a real hub process, and the
 * Dockerfile's shape (the image is not built here: no registry for base images).
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import https from 'node:https';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { readConfigFile } from '../cli/config-load.js';
import { runCli } from './helpers/processes.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const k8s = join(root, 'deploy', 'kubernetes');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

t.test('kubectl kustomize deploy/kubernetes', async (t) => {
  const { stdout } = await run('kubectl', ['kustomize', k8s], { timeout: 60_000 });
  const docs: Doc[] = parseAllDocuments(stdout).map((d) => d.toJS());
  const kinds = docs.map((d) => `${d.kind}/${d.metadata.name}`).sort();
  t.match(kinds, [/^ConfigMap\/isthmus-config-\w+$/, 'Namespace/isthmus', 'PodDisruptionBudget/isthmus', 'Secret/isthmus-tls',
    'Service/isthmus', 'Service/isthmus-admin', 'Service/isthmus-headless', 'StatefulSet/isthmus'], 'the kinds');
  const get = (kind: string, name?: string): Doc => docs.find((d) => d.kind === kind && (!name || d.metadata.name === name));
  const sts = get('StatefulSet');
  const pod = sts.spec.template.spec;
  const c = pod.containers[0];
  const podLabels = sts.spec.template.metadata.labels;

  await t.test('the store lives on a volume claim mounted at the data folder', async (t) => {
    const claim = sts.spec.volumeClaimTemplates[0];
    t.equal(claim.metadata.name, 'data');
    t.match(claim.spec, { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: /^\d+Gi$/ } } });
    t.match(c.volumeMounts, [{ name: 'data', mountPath: '/data' }]);
  });

  await t.test('probes on /readyz and /healthz of the admin port, over HTTPS', async (t) => {
    const admin = c.ports.find((p: Doc) => p.name === 'admin');
    t.equal(admin.containerPort, 10001);
    t.match(c.readinessProbe.httpGet, { path: '/readyz', port: 'admin', scheme: 'HTTPS' });
    t.match(c.livenessProbe.httpGet, { path: '/healthz', port: 'admin', scheme: 'HTTPS' });
    t.ok(pod.terminationGracePeriodSeconds >= 30, 'time to drain');
  });

  await t.test('non-root, no privilege escalation, read-only root, resources', async (t) => {
    t.equal(pod.securityContext.runAsNonRoot, true);
    t.ok(pod.securityContext.runAsUser > 0, 'a non-zero uid');
    t.match(c.securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    t.match(c.resources, { requests: { cpu: String, memory: String }, limits: { cpu: String, memory: String } });
  });

  await t.test('the PDB and the Services select the pod; target ports exist', async (t) => {
    const selects = (sel: Record<string, string>): boolean => Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => podLabels[k] === v);
    t.ok(selects(get('PodDisruptionBudget').spec.selector.matchLabels), 'PDB');
    for (const name of ['isthmus', 'isthmus-admin', 'isthmus-headless']) {
      const svc = get('Service', name);
      t.ok(selects(svc.spec.selector), `${name} selects the pod`);
      for (const p of svc.spec.ports) t.ok(c.ports.some((cp: Doc) => cp.name === p.targetPort), `${name} → ${p.targetPort}`);
    }
    t.equal(sts.spec.serviceName, 'isthmus-headless');
  });

  await t.test('the config map is what the hub reads, and the loader accepts it', async (t) => {
    const cm = docs.find((d) => d.kind === 'ConfigMap');
    const vol = pod.volumes.find((v: Doc) => v.configMap);
    t.equal(vol.configMap.name, cm.metadata.name, 'the StatefulSet mounts the generated ConfigMap (hash in the name)');
    const mount = c.volumeMounts.find((m: Doc) => m.name === vol.name);
    const env = c.env.find((e: Doc) => e.name === 'ISTHMUS_CONFIG');
    t.equal(env.value, `${mount.mountPath}/isthmus.yaml`, 'ISTHMUS_CONFIG points at the mounted file');
    t.ok(cm.data['isthmus.yaml'], 'the file is in the ConfigMap');
    const parsed = readConfigFile(join(k8s, 'isthmus.yaml'));
    t.match(parsed.cloudhub, { dataDir: '/data', admin: '0.0.0.0:10001', listen: '0.0.0.0:10000' });
    t.ok(pod.volumes.some((v: Doc) => v.secret?.secretName === 'isthmus-tls'), 'the TLS Secret is mounted');
  });
});

t.test('a hub started with the ConfigMap\'s config serves the probe endpoints over HTTPS', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'isthmus-deploy-'));
  // Only what cannot hold on this machine changes: the ports (free ones) and the data folder.
  const hub = runCli(['cloudhub', '--no-kube', '--listen', '127.0.0.1:0', '--admin', '127.0.0.1:0', '--no-mqtt', '--data', data, '--log-level', 'warn'],
    { ISTHMUS_CONFIG: join(k8s, 'isthmus.yaml') });
  t.teardown(() => hub.stop());
  const [, admin] = await hub.waitFor(/admin API:\s+(https:\/\/\S+)/);
  const ca = readFileSync(join(data, 'tls', 'ca.crt'));
  for (const path of ['/readyz', '/healthz']) {
    const status = await new Promise<number>((resolve, reject) => {
      https.get(`${admin}${path}`, { ca }, (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject);
    });
    t.equal(status, 200, `${path} answers 200`);
  }
  // The certificate names the in-cluster Service (tls.hosts from the config map).
  const { X509Certificate } = await import('node:crypto');
  const cert = new X509Certificate(readFileSync(join(data, 'tls', 'server.crt')));
  t.equal(cert.checkHost('isthmus.isthmus.svc.cluster.local'), 'isthmus.isthmus.svc.cluster.local');
});

t.test('Dockerfile: multi-stage, slim Node 20, non-root; .dockerignore keeps the context small', async (t) => {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const froms = [...text.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)];
  t.ok(froms.length >= 2, 'at least two stages');
  for (const f of froms) t.match(f[1], /^node:20[\w.-]*-slim$/, `${f[1]} is a slim Node 20 image`);
  const final = text.slice(froms.at(-1)!.index);
  t.match(final, /COPY --from=build/, 'the runtime stage copies the build\'s output');
  t.notMatch(final, /npm (ci|install)|tsc/, 'no build tools run in the runtime stage');
  const users = [...final.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]!);
  t.ok(users.length > 0 && !/^(0|root)(:|$)/.test(users.at(-1)!), `runs as ${users.at(-1)}`);
  t.match(final, /ENTRYPOINT \["node", "\/app\/dist\/bin\/isthmus\.js"\]/, 'the entry point is the bin (the CLI bundle)');
  // The build stage compiles what tsconfig includes: every source folder must be in its context.
  const build = text.slice(0, froms.at(-1)!.index);
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { include: string[] };
  for (const inc of tsconfig.include) {
    const top = inc.split('/')[0]!;
    t.match(build, new RegExp(`^COPY ${top.replace('.', '\\.')} `, 'm'), `the build stage copies ${top}`);
  }
  const ignore = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
  for (const p of ['node_modules', 'dist', 'data', '.git']) t.ok(ignore.includes(p), `${p} stays out of the context`);
  const sts = readFileSync(join(k8s, 'statefulset.yaml'), 'utf8');
  t.match(sts, /runAsUser: 1000/, 'the manifests run the image\'s uid');
  t.match(text, /USER 1000:1000/);
});
