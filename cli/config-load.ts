/**
 * The effective options of a hub command: defaults < config file (YAML,
 * `--config FILE` or ISTHMUS_CONFIG) < environment (ISTHMUS_*) < flags.
 * Every layer is checked against the schema before anything starts; an error
 * names the source, the key, what was wrong and what is allowed, and an
 * unknown key gets a suggestion.
 *
 * Environment names: ISTHMUS_ + the key in SCREAMING_SNAKE_CASE, `__` between
 * nesting levels: ISTHMUS_MAX_CONNECTIONS, ISTHMUS_TLS__CERT,
 * ISTHMUS_BACKOFF__BASE_MS, ISTHMUS_LANES__BULK__MAX_MESSAGES,
 * ISTHMUS_MQTT__LISTEN (feature sections: the value is read as YAML).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { YAMLParseError } from 'yaml';
import { parseDuration } from '../cloudhub/token.js';
import { CloudHubSchema, EdgeHubSchema, SECRET_NAME, type Kind, type Schema, type Section } from './config-schema.js';
import { passthroughKeys } from './config-registry.js';

export type Options = Record<string, unknown>;

/** The YAML parser, loaded only when a config file or a feature section's ISTHMUS_* value is read (it costs a hub ~1 MB of RSS). */
function parseYaml(text: string, options?: import('yaml').ParseOptions & import('yaml').DocumentOptions): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text, options);
}

export const SCHEMAS: Record<Section, Schema> = { cloudhub: CloudHubSchema, edgehub: EdgeHubSchema };

/** ISTHMUS_* names the client commands read; never config keys. */
const CLIENT_ENV = new Set(['HUB', 'CONFIG', 'ADMIN_TOKEN', 'CA', 'TOKEN']);

export class ConfigError extends TypeError {}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** "did you mean X?" for the closest allowed key, if any is close. */
export function suggest(key: string, allowed: Iterable<string>): string {
  let best = '';
  let score = Infinity;
  for (const k of allowed) {
    const s = distance(key, k);
    if (s < score) { best = k; score = s; }
  }
  return best && score <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function show(v: unknown, path: string): string {
  return SECRET_NAME.test(path) ? '(hidden)' : JSON.stringify(v);
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|KB|MB|GB|k|M|G)?$/;
const SIZE_UNIT: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, KB: 1e3, MB: 1e6, GB: 1e9, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** Checks one value against its kind; converts durations and sizes; fromEnv: the value is a string to read. */
function checkValue(v: unknown, kind: Kind, path: string, where: string, section: Section, fromEnv: boolean): unknown {
  const bad = (allowed: string): never => { throw new ConfigError(`${where}: ${path} must be ${allowed}, got ${show(v, path)}`); };
  switch (kind.t) {
    case 'string':
      if (typeof v !== 'string' || !v) bad('a non-empty string');
      return v;
    case 'int': case 'ms': case 'bytes': {
      let n = v;
      if (typeof v === 'string') {
        const text = v.trim();
        if (kind.t === 'ms' && !/^\d+$/.test(text)) {
          try { n = parseDuration(text); } catch { n = NaN; }
        } else if (kind.t === 'bytes' && SIZE.test(text)) {
          const m = SIZE.exec(text)!;
          n = Math.round(Number(m[1]) * SIZE_UNIT[m[2] ?? 'B']!);
        } else if (/^-?\d+$/.test(text)) {
          n = Number(text);
        }
      }
      const what = kind.t === 'ms' ? 'a duration (ms, or 500ms, 5s, 2m, 1h, 30d)' : kind.t === 'bytes' ? 'a size in bytes (or 64KiB, 256MiB, 1GiB)' : 'an integer';
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < kind.min) bad(`${what} of at least ${kind.min}`);
      return n;
    }
    case 'bool':
      if (fromEnv && typeof v === 'string' && /^(true|false|1|0)$/.test(v)) return v === 'true' || v === '1';
      if (typeof v !== 'boolean') bad('true or false');
      return v;
    case 'enum':
      if (typeof v !== 'string' || !kind.values.includes(v)) bad(kind.values.map((x) => `"${x}"`).join(' or '));
      return v;
    case 'stringOrList':
      if (typeof v === 'string') return fromEnv && v.includes(',') ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
      if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string')) bad('a string or a list of strings');
      return v;
    case 'list':
      if (fromEnv && typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) bad('a list of strings');
      return v;
    case 'orFalse':
      if (v === false || (fromEnv && v === 'false')) return false;
      return checkValue(v, kind.of, path, where, section, fromEnv);
    case 'object':
      if (!v || typeof v !== 'object' || Array.isArray(v)) bad(`a mapping with keys ${Object.keys(kind.fields).join(', ')}`);
      return checkObject(v as Options, kind.fields, path, where, section, fromEnv, false);
    case 'passthrough':
      return v;
  }
}

function checkObject(o: Options, schema: Schema, prefix: string, where: string, section: Section, fromEnv: boolean, top: boolean): Options {
  const out: Options = {};
  const extra = top ? passthroughKeys(section) : new Set<string>();
  for (const [k, v] of Object.entries(o)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v === undefined) continue;
    if (extra.has(k) && !(k in schema)) {
      // false turns a feature off (mqtt: false); anything else must be its settings.
      const off = v === false || (fromEnv && v === 'false');
      if (!off && (!v || typeof v !== 'object' || Array.isArray(v))) throw new ConfigError(`${where}: ${path} must be a mapping (the ${k} settings) or false, got ${show(v, path)}`);
      out[k] = off ? false : v;
      continue;
    }
    const kind = schema[k];
    if (!kind) {
      const allowed = [...Object.keys(schema), ...extra];
      throw new ConfigError(`${where}: ${path} is not a setting${suggest(k, allowed)}; allowed: ${allowed.join(', ')}`);
    }
    out[k] = checkValue(v, kind, path, where, section, fromEnv);
  }
  return out;
}

/** Deep merge of plain objects; later layers win; arrays are replaced. */
export function merge(...layers: Options[]): Options {
  const out: Options = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined) continue;
      const prev = out[k];
      out[k] = v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? merge(prev as Options, v as Options) : v;
    }
  }
  return out;
}

/** Reads a YAML config file: top-level `cloudhub:` and `edgehub:` sections. */
export function readConfigFile(file: string): Partial<Record<Section, Options>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`config file ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    const e = err as YAMLParseError;
    throw new ConfigError(`config file ${file}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError(`config file ${file}: must be a mapping with the sections cloudhub: and/or edgehub:`);
  const out: Partial<Record<Section, Options>> = {};
  for (const [k, v] of Object.entries(doc as Options)) {
    if (k !== 'cloudhub' && k !== 'edgehub') throw new ConfigError(`config file ${file}: ${k} is not a section${suggest(k, ['cloudhub', 'edgehub'])}; allowed: cloudhub, edgehub`);
    if (v === null) continue;
    if (typeof v !== 'object' || Array.isArray(v)) throw new ConfigError(`config file ${file}: ${k} must be a mapping of settings`);
    out[k] = checkObject(v as Options, SCHEMAS[k], k, `config file ${file}`, k, false, true);
    // Errors above name the path with the section (cloudhub.tls.cert); options have none.
  }
  return out;
}

function camel(snake: string): string {
  return snake.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** ISTHMUS_* variables for one section, as a nested options object (strings, checked by the schema). */
export function envLayer(section: Section, env: NodeJS.ProcessEnv): Options {
  const schema = SCHEMAS[section];
  const other = SCHEMAS[section === 'cloudhub' ? 'edgehub' : 'cloudhub'];
  const extra = passthroughKeys(section);
  const raw: Options = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('ISTHMUS_') || value === undefined) continue;
    const rest = name.slice('ISTHMUS_'.length);
    if (CLIENT_ENV.has(rest) && !(camel(rest) in schema)) continue;
    const parts = rest.split('__').map(camel);
    const top = parts[0]!;
    if (!(top in schema) && !extra.has(top)) {
      if (top in other || passthroughKeys(section === 'cloudhub' ? 'edgehub' : 'cloudhub').has(top)) continue; // the other hub's
      const allowed = [...Object.keys(schema), ...extra].map((k) => `ISTHMUS_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`);
      throw new ConfigError(`environment: ${name} is not a setting${suggest(rest, allowed.map((a) => a.slice(8)))}`.replace(/did you mean "/, 'did you mean "ISTHMUS_') + `; allowed: ${allowed.join(', ')} (nested keys with __, e.g. ISTHMUS_TLS__CERT)`);
    }
    let node = raw;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Options;
    // Feature sections get typed values (numbers, booleans) from YAML's reading of the text.
    node[parts.at(-1)!] = extra.has(top) && !(top in schema) && parts.length > 1 ? parseYaml(value) : value;
  }
  return checkObject(raw, schema, '', 'environment (ISTHMUS_*)', section, true, true);
}

export interface LoadInput {
  section: Section;
  /** YAML file (--config); default ISTHMUS_CONFIG. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Options set by flags the user gave (not commander defaults). */
  flags?: Options;
  /** The command's defaults (what a flag shows as its default). */
  defaults?: Options;
}

/** The effective options of one section, every layer checked. */
export function loadConfig(input: LoadInput): Options {
  const env = input.env ?? process.env;
  const file = input.file ?? env.ISTHMUS_CONFIG;
  const fromFile = file ? readConfigFile(file)[input.section] ?? {} : {};
  const flags = checkObject(input.flags ?? {}, SCHEMAS[input.section], '', 'flags', input.section, false, true);
  return merge(input.defaults ?? {}, fromFile, envLayer(input.section, env), flags);
}

/** A copy with every secret value replaced by "***" (set) — for printing. */
export function maskSecrets(o: unknown, key = ''): unknown {
  if (Array.isArray(o)) return o.map((v) => maskSecrets(v, key));
  if (o && typeof o === 'object') return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, maskSecrets(v, k)]));
  if (key && SECRET_NAME.test(key) && o !== undefined && o !== null && o !== false && typeof o !== 'boolean') return '***';
  return o;
}
