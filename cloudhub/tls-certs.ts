/**
 * The hub's own private CA and server certificate, made on first start so
 * that TLS is on by default with nothing installed but Node: ECDSA P-256 keys
 * from Node's WebCrypto, certificates built by @peculiar/x509 (pure
 * TypeScript, no OpenSSL binary needed in a slim image, milliseconds per key
 * where RSA in JavaScript takes seconds). @peculiar/x509 wants the
 * reflect-metadata polyfill loaded first (its DI container needs it).
 *
 * Files under DIR/tls: ca.crt (give it to edges), ca.key (0600, never leaves
 * the hub), server.crt, server.key (0600). The server certificate is issued
 * again from the CA when it nears expiry or lacks a wanted host name, so an
 * edge's CA file stays valid for the CA's ten years.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
const CA_DAYS = 3650;
const SERVER_DAYS = 397; // the longest lifetime browsers accept; reissued 30 days before
const RENEW_BEFORE_MS = 30 * DAY;

export interface TlsFiles {
  /** PEM file of the CA edges verify the hub against. */
  caFile: string;
  certFile: string;
  keyFile: string;
  /** True when this call created or reissued something. */
  created: boolean;
}

/** Host names every generated server certificate carries, plus the configured ones. */
export function defaultHosts(extra: readonly string[] = []): string[] {
  return [...new Set(['localhost', '127.0.0.1', '::1', hostname(), ...extra].filter(Boolean))];
}

function pemKey(der: ArrayBuffer): string {
  return x509.PemConverter.encode(der, 'PRIVATE KEY') + '\n';
}

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

function serial(): string {
  const b = webcrypto.getRandomValues(new Uint8Array(16));
  b[0]! &= 0x7f; // positive
  return Buffer.from(b).toString('hex');
}

async function importKey(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decode(pem)[0]!;
  return webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']) as Promise<CryptoKey>;
}

async function makeCa(dir: string): Promise<{ cert: x509.X509Certificate; key: CryptoKey }> {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Isthmus hub CA ${hostname()} ${new Date(now).toISOString().slice(0, 10)}`,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + CA_DAYS * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  writePrivate(join(dir, 'ca.key'), pemKey(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)));
  writeFileSync(join(dir, 'ca.crt'), cert.toString('pem') + '\n');
  return { cert, key: keys.privateKey };
}

async function makeServer(dir: string, ca: { cert: x509.X509Certificate; key: CryptoKey }, hosts: string[], days: number): Promise<void> {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${hosts.find((h) => !isIP(h)) ?? 'isthmus'}`,
    issuer: ca.cert.subject,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(Math.min(now + days * DAY, ca.cert.notAfter.getTime())),
    signingKey: ca.key,
    publicKey: keys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(hosts.map((h) => (isIP(h) ? { type: 'ip' as const, value: h } : { type: 'dns' as const, value: h }))),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  });
  writePrivate(join(dir, 'server.key'), pemKey(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)));
  // The chain (server, then CA) so that clients given only the CA can build the path.
  writeFileSync(join(dir, 'server.crt'), cert.toString('pem') + '\n');
}

/** True when the certificate still has a month to live and names every host. */
function serverCertFits(certFile: string, caPem: string, hosts: string[]): boolean {
  try {
    const cert = new NodeX509(readFileSync(certFile));
    if (new Date(cert.validTo).getTime() - Date.now() < RENEW_BEFORE_MS) return false;
    if (!cert.verify(new NodeX509(caPem).publicKey)) return false; // the CA was replaced
    return hosts.every((h) => (isIP(h) ? cert.checkIP(h) : cert.checkHost(h)) !== undefined);
  } catch {
    return false;
  }
}

/**
 * Loads the hub's CA and server certificate from dir, creating the CA on first
 * use and (re)issuing the server certificate when needed (serverDays: its
 * lifetime, 397 by default; shorter ones are for tests).
 */
export async function ensureHubCerts(dir: string, hosts: string[], serverDays = SERVER_DAYS): Promise<TlsFiles> {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  const files = { caFile: join(abs, 'ca.crt'), certFile: join(abs, 'server.crt'), keyFile: join(abs, 'server.key') };
  const caKeyFile = join(abs, 'ca.key');
  let created = false;
  let ca: { cert: x509.X509Certificate; key: CryptoKey } | null = null;
  if (!existsSync(files.caFile) || !existsSync(caKeyFile)) {
    if (existsSync(files.caFile) !== existsSync(caKeyFile)) {
      throw new Error(`${abs} holds only one of ca.crt and ca.key: restore the other, or delete both to have a new CA made (every edge then needs the new ca.crt)`);
    }
    ca = await makeCa(abs);
    created = true;
  }
  const caPem = readFileSync(files.caFile, 'utf8');
  if (created || !existsSync(files.keyFile) || !serverCertFits(files.certFile, caPem, hosts)) {
    ca ??= { cert: new x509.X509Certificate(caPem), key: await importKey(readFileSync(caKeyFile, 'utf8')) };
    await makeServer(abs, ca, hosts, serverDays);
    created = true;
  }
  return { ...files, created };
}
