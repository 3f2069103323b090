/**
 * What the config file, the environment and the flags may set: the keys of
 * CloudHubOptions (section `cloudhub:`) and EdgeHubOptions (section
 * `edgehub:`), each with its kind. Values are checked here with an error
 * naming the key, what was wrong and what is allowed; the hubs then apply
 * their own validation (ranges that depend on each other). Feature sections
 * (mqtt, tunnel, ...) pass through to the hub's own validators: see
 * config-registry.ts.
 */
export type Kind =
  | { t: 'string'; secret?: boolean }
  | { t: 'int'; min: number }
  | { t: 'ms'; min: number }
  | { t: 'bytes'; min: number }
  | { t: 'bool' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'list' }
  | { t: 'stringOrList' }
  | { t: 'orFalse'; of: Kind }
  | { t: 'object'; fields: Schema }
  | { t: 'passthrough' };

export type Schema = { readonly [key: string]: Kind };

const str: Kind = { t: 'string' };
const secret: Kind = { t: 'string', secret: true };
const ms = (min = 0): Kind => ({ t: 'ms', min });
const bytes = (min = 0): Kind => ({ t: 'bytes', min });
const int = (min = 0): Kind => ({ t: 'int', min });

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const lane: Kind = {
  t: 'object',
  fields: {
    maxMessages: int(1), maxBytes: bytes(1), overflow: { t: 'enum', values: ['reject', 'drop-oldest', 'drop-newest'] },
    coalesce: { t: 'bool' }, ttlMs: ms(),
  },
};

/** LinkConfigInput: shared by both sections. */
const link: Schema = {
  limits: {
    t: 'object',
    fields: {
      maxFrameBytes: bytes(1), maxBatchMessages: int(1), maxKeyLength: int(1), maxKindLength: int(1), maxIdLength: int(1), maxPayloadBytes: bytes(1),
    },
  },
  pingIntervalMs: ms(100), batchBytes: bytes(1024), highWaterBytes: bytes(1024), windowBytes: bytes(1024),
  handshakeTimeoutMs: ms(100), ackDelayMs: ms(), fastRetransmitMinMs: ms(1),
  lanes: { t: 'object', fields: { control: lane, state: lane, events: lane, bulk: lane } },
};

export const CloudHubSchema: Schema = {
  listen: str,
  admin: { t: 'orFalse', of: str },
  dataDir: str,
  secret,
  adminToken: secret,
  store: { t: 'enum', values: ['lmdb', 'memory'] },
  storeMinFreeBytes: bytes(),
  maxConnections: int(1),
  retryAfterMs: ms(),
  maxPaths: int(1),
  tls: {
    t: 'object',
    fields: { cert: str, key: { t: 'string', secret: true }, passphrase: secret, ca: str, hosts: { t: 'list' }, dir: str },
  },
  insecure: { t: 'enum', values: ['dev'] },
  denyList: { t: 'orFalse', of: str },
  denyListPollMs: ms(10),
  log: { t: 'enum', values: LOG_LEVELS },
  ...link,
};

export const EdgeHubSchema: Schema = {
  cloud: { t: 'stringOrList' },
  paths: int(1),
  localAddresses: { t: 'list' },
  node: str,
  token: secret,
  tokenFile: str,
  tokenFilePollMs: ms(10),
  ca: str,
  insecure: { t: 'enum', values: ['dev'] },
  dataDir: str,
  store: { t: 'enum', values: ['lmdb', 'memory'] },
  storeMinFreeBytes: bytes(),
  backoff: { t: 'object', fields: { baseMs: ms(1), capMs: ms(1), stableMs: ms() } },
  log: { t: 'enum', values: LOG_LEVELS },
  ...link,
};

export type Section = 'cloudhub' | 'edgehub';

/** Key names whose values never appear in `config print` or in errors. */
export const SECRET_NAME = /(token|secret|password|passphrase|key)$/i;
