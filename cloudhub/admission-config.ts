/** Admission control and drain settings of the cloud hub: defaults in one place, validated at start. */

export interface AdmissionOptions {
  /** Edges admitted per second once the burst is spent; 0 turns admission control off. Default 1000. */
  ratePerSecond?: number;
  /** Edges admitted back to back before the rate applies. Default 1000. */
  burst?: number;
  /** Extra random wait added to every retry-after the hub tells (admission, drain), ms, so edges do not return in step. Default 1000. */
  jitterMs?: number;
  /** Longest retry-after admission tells an edge, ms. Default 60000. */
  maxRetryAfterMs?: number;
}

export interface AdmissionConfig {
  ratePerSecond: number;
  burst: number;
  jitterMs: number;
  maxRetryAfterMs: number;
}

export interface DrainConfig {
  /** Longest a drain may take before the hub closes what is left; the CLI exits 1 after it. */
  timeoutMs: number;
  /** URL edges are told to reconnect to during a drain (another replica), or '' for the same URL later. */
  redirect: string;
}

/**
 * Defaults. 1000 edges a second: a reconnecting edge costs the hub one token
 * check, one Hello (its outbox cursors) and a resend of what it missed; the
 * storm benchmark (bench/storm) measures the hub at this rate with 10k edges.
 * A drain of 20 s fits in Kubernetes' default 30 s grace period.
 */
export const DefaultAdmission: Readonly<AdmissionConfig> = Object.freeze({
  ratePerSecond: 1000,
  burst: 1000,
  jitterMs: 1000,
  maxRetryAfterMs: 60_000,
});

export const DefaultDrain: Readonly<DrainConfig> = Object.freeze({ timeoutMs: 20_000, redirect: '' });

function count(v: unknown, field: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    throw new TypeError(`${field} must be an integer of at least ${min}, got ${JSON.stringify(v)}`);
  }
  return v;
}

export function admissionConfig(o: AdmissionOptions | undefined): AdmissionConfig {
  if (o !== undefined && (o === null || typeof o !== 'object' || Array.isArray(o))) throw new TypeError(`admission must be an object, got ${JSON.stringify(o)}`);
  const known = ['ratePerSecond', 'burst', 'jitterMs', 'maxRetryAfterMs'];
  for (const k of Object.keys(o ?? {})) if (!known.includes(k)) throw new TypeError(`admission.${k} is not a setting; known: ${known.join(', ')}`);
  const c = { ...DefaultAdmission, ...(o ?? {}) };
  return {
    ratePerSecond: count(c.ratePerSecond, 'admission.ratePerSecond', 0),
    burst: count(c.burst, 'admission.burst', 1),
    jitterMs: count(c.jitterMs, 'admission.jitterMs', 0),
    maxRetryAfterMs: count(c.maxRetryAfterMs, 'admission.maxRetryAfterMs', 1),
  };
}

export function drainConfig(timeoutMs: number | undefined, redirect: string | undefined): DrainConfig {
  const t = count(timeoutMs ?? DefaultDrain.timeoutMs, 'drainTimeoutMs', 0);
  const r = redirect ?? DefaultDrain.redirect;
  if (typeof r !== 'string') throw new TypeError(`drainRedirect must be a ws:// or wss:// URL, got ${JSON.stringify(r)}`);
  if (r && !/^wss?:\/\/[^/\s]+/.test(r)) throw new TypeError(`drainRedirect must be a ws:// or wss:// URL, got "${r}"`);
  if (r.length > 1024) throw new TypeError(`drainRedirect must be at most 1024 characters, got ${r.length}`);
  return { timeoutMs: t, redirect: r };
}
