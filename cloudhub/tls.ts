/**
 * The TLS material a running hub uses on both of its faces (edges and admin
 * API): the operator's files, or the hub's own CA and server certificate.
 */
import { createSecureContext } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { Logger } from 'pino';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppOptions } from 'uWebSockets.js';
import { defaultHosts, ensureHubCerts } from './tls-certs.js';
import type { TlsConfig } from './tls-config.js';

export interface HubTls {
  /** Options for uWS.SSLApp, or null in the insecure dev mode. */
  app: AppOptions | null;
  /** The CA file edges verify the hub against (null: the operator's cert is signed by a CA the edges already trust). */
  caFile: string | null;
  /** The CA in PEM (for embedded edges: EdgeHub.start({ ca: hub.ca })). */
  caPem: string | null;
  /** True when this start created the CA or the server certificate. */
  created: boolean;
  /** When the served certificate ends (null in the dev mode). */
  certExpiresAt: Date | null;
  /** Stops the expiry watch; removes a temporary folder of generated certificates. */
  cleanup(): void;
}

const DAY = 86_400_000;
const WARN_BEFORE_MS = 30 * DAY;

/**
 * The served certificate is read once, at start (uWS cannot swap it): warn at start
 * and once a day from 30 days before it ends, so that a long-running hub is restarted
 * (a generated certificate is reissued then) or given a new one in time.
 */
function watchExpiry(certFile: string, generated: boolean, log: Logger): { expiresAt: Date; stop: () => void } {
  const expiresAt = new Date(new X509Certificate(readFileSync(certFile)).validTo);
  const check = (): void => {
    const left = expiresAt.getTime() - Date.now();
    if (left < WARN_BEFORE_MS) {
      log.warn({ cert: certFile, expiresAt: expiresAt.toISOString() }, generated
        ? 'TLS certificate expires soon: restart the hub to have it reissued from its CA'
        : 'TLS certificate expires soon: replace tls.cert and tls.key, then restart the hub');
    }
  };
  check();
  const timer = setInterval(check, DAY);
  timer.unref();
  return { expiresAt, stop: () => clearInterval(timer) };
}

/** Loads or makes the certificates; wantedHosts are the listen and admin hosts. */
export async function openTls(config: TlsConfig, wantedHosts: string[], log: Logger): Promise<HubTls> {
  if (config.mode === 'insecure-dev') return { app: null, caFile: null, caPem: null, created: false, certExpiresAt: null, cleanup: () => {} };
  if (config.mode === 'own') {
    // uWS says nothing useful about a bad key; Node names the problem.
    try {
      createSecureContext({
        cert: readFileSync(config.certFile), key: readFileSync(config.keyFile),
        ...(config.passphrase ? { passphrase: config.passphrase } : {}),
      });
    } catch (err) {
      throw new TypeError(`tls.cert / tls.key: ${(err as Error).message} (cert ${config.certFile}, key ${config.keyFile})`);
    }
    const watch = watchExpiry(config.certFile, false, log);
    return {
      app: { cert_file_name: config.certFile, key_file_name: config.keyFile, ...(config.passphrase ? { passphrase: config.passphrase } : {}) },
      caFile: config.caFile,
      caPem: config.caFile ? readFileSync(config.caFile, 'utf8') : null,
      created: false,
      certExpiresAt: watch.expiresAt,
      cleanup: watch.stop,
    };
  }
  // No data folder: a private temporary CA that lives as long as the hub.
  const temp = config.dir === null ? mkdtempSync(join(tmpdir(), 'isthmus-tls-')) : null;
  const dir = config.dir ?? temp!;
  const hosts = defaultHosts([...config.hosts, ...wantedHosts.filter((h) => h && h !== '0.0.0.0' && h !== '::')]);
  try {
    const files = await ensureHubCerts(dir, hosts);
    const watch = watchExpiry(files.certFile, true, log);
    return {
      app: { cert_file_name: files.certFile, key_file_name: files.keyFile },
      caFile: files.caFile, // under a temp folder, valid while the hub runs
      caPem: readFileSync(files.caFile, 'utf8'),
      created: files.created,
      certExpiresAt: watch.expiresAt,
      cleanup: () => { watch.stop(); if (temp) rmSync(temp, { recursive: true, force: true }); },
    };
  } catch (err) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    throw err;
  }
}
