/**
 * The token deny list: a text file the hub reloads when it changes (polled,
 * so that an editor's replace, a ConfigMap's symlink swap or `isthmus token
 * revoke` are all seen). One entry per line, `#` starts a comment:
 *
 *   id  <token id>             revokes one token (its jti, printed by token create --json)
 *   node <name> [<ISO time>]   revokes every token of the node issued at or before the time
 *                              (default: all of them, for ever)
 *
 * A malformed file is refused at start with the line number; on reload the
 * previous list stays in force and an error is logged, so a typo never
 * loosens revocation.
 */
import { readFileSync, statSync, appendFileSync, existsSync, writeFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { isNodeName } from '../link/index.js';
import type { TokenClaims } from './token.js';

export interface DenyEntries {
  ids: Set<string>;
  /** Node → tokens issued at or before this time (ms) are revoked; Infinity for all. */
  nodes: Map<string, number>;
}

export function parseDenyList(text: string, file: string): DenyEntries {
  const ids = new Set<string>();
  const nodes = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const [kind, value, when, ...rest] = line.split(/\s+/);
    const where = `${file}:${i + 1}`;
    if (kind === 'id' && value && when === undefined) { ids.add(value); return; }
    if (kind === 'node' && value && rest.length === 0) {
      if (!isNodeName(value)) throw new TypeError(`${where}: "${value}" is not a valid node name`);
      const t = when === undefined ? Infinity : Date.parse(when);
      if (Number.isNaN(t)) throw new TypeError(`${where}: "${when}" is not an ISO time (e.g. 2026-11-21T14:00:00Z)`);
      nodes.set(value, Math.max(nodes.get(value) ?? -Infinity, t));
      return;
    }
    throw new TypeError(`${where}: expected "id <token id>" or "node <name> [<ISO time>]", got "${line.slice(0, 80)}"`);
  });
  return { ids, nodes };
}

/** Why a token is revoked, or null. */
export function revokedReason(entries: DenyEntries, claims: TokenClaims): string | null {
  if (entries.ids.has(claims.jti)) return `token ${claims.jti} is revoked`;
  const before = entries.nodes.get(claims.node);
  if (before !== undefined && claims.iat * 1000 <= before) return `tokens of node "${claims.node}" issued before ${before === Infinity ? 'now' : new Date(before).toISOString()} are revoked`;
  return null;
}

/** Appends an entry (what `isthmus token revoke` does); the running hub picks it up. */
export function appendDenyEntry(file: string, entry: string, note: string): void {
  if (!existsSync(file)) writeFileSync(file, '# isthmus token deny list: "id <token id>" or "node <name> [<ISO time>]"\n', { mode: 0o644 });
  appendFileSync(file, `${entry}  # ${note}\n`);
}

export class DenyList {
  entries: DenyEntries = { ids: new Set(), nodes: new Map() };
  private stamp = '';
  private timer: NodeJS.Timeout | null = null;

  /** Reads the file now (a missing file is an empty list); throws on a malformed one. */
  constructor(readonly file: string | null, private readonly log: Logger) {
    this.reload(true);
  }

  /** Polls the file; onChange runs after a successful reload that changed the stamp. */
  watch(intervalMs: number, onChange: () => void): void {
    if (!this.file) return;
    this.timer = setInterval(() => { if (this.reload(false)) onChange(); }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  check(claims: TokenClaims): string | null {
    return revokedReason(this.entries, claims);
  }

  private reload(first: boolean): boolean {
    if (!this.file) return false;
    let stamp = 'absent';
    try {
      const s = statSync(this.file);
      stamp = `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch { /* absent: empty list */ }
    if (stamp === this.stamp) return false;
    try {
      const text = stamp === 'absent' ? '' : readFileSync(this.file, 'utf8');
      this.entries = parseDenyList(text, this.file);
      this.stamp = stamp;
      this.log.info({ denyList: this.file, ids: this.entries.ids.size, nodes: this.entries.nodes.size }, 'token deny list loaded');
      return true;
    } catch (err) {
      if (first) throw err;
      this.stamp = stamp; // logged once per change of the file, not every poll
      this.log.error({ denyList: this.file, err: (err as Error).message }, 'token deny list not reloaded: the previous list stays in force');
      return false;
    }
  }
}
