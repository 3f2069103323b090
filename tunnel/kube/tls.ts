/**
 * TLS for the kube face: kubectl sends a bearer token only over TLS. The
 * operator gives a certificate and key, or the hub makes a self-signed one
 * (openssl) once and keeps it in its data folder (clients then use
 * --insecure-skip-tls-verify or the printed certificate as their CA).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KubeTls {
  cert: Buffer;
  key: Buffer;
  /** Where the certificate is (null: a temporary one, gone once loaded). */
  certFile: string | null;
}

export function loadOrMakeTls(certFile: string | null, keyFile: string | null, dataDir: string | null): KubeTls {
  if (certFile && keyFile) return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile };
  const temp = dataDir ? null : mkdtempSync(join(tmpdir(), 'isthmus-kube-tls-'));
  const dir = dataDir ? join(dataDir, 'kube-tls') : temp!;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const cert = join(dir, 'tls.crt');
  const key = join(dir, 'tls.key');
  if (!existsSync(cert) || !existsSync(key)) {
    try {
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert,
        '-days', '3650', '-subj', '/CN=isthmus-kube', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
      ], { stdio: 'pipe' });
    } catch (err) {
      throw new Error(`the kube API needs a TLS certificate: give tunnel.kubeTls {cert, key} or install openssl (${(err as Error).message.split('\n')[0]})`);
    }
  }
  const tls = { cert: readFileSync(cert), key: readFileSync(key), certFile: temp ? null : cert };
  if (temp) rmSync(temp, { recursive: true, force: true });
  return tls;
}
