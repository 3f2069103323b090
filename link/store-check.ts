/**
 * Checks an LMDB store before this process maps it. A truncated file makes
 * LMDB fault with SIGBUS, a damaged one with SIGSEGV: the process would die,
 * not throw. So a child process opens the store first: after a clean
 * shutdown it checks that the file is as long as its last page says (cheap);
 * after an unclean one, when the file may legitimately end short, it reads
 * every record instead (seconds for a million messages). If the
 * child fails or dies, the store is reported, named, and left as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IsthmusError } from './errors.js';
import { STORE_DATABASES } from './lmdb-layout.js';

export class StoreCorruptError extends IsthmusError {
  constructor(readonly file: string, detail: string) {
    super('STORE_CORRUPT', `store ${file} is unreadable (${detail}). It was not modified. `
      + `To start with an empty store, move its folder aside (messages queued in it are lost); `
      + `or restore it from a backup.`);
    this.name = 'StoreCorruptError';
  }
}

/** The child's program: open read-only, compare the file's length with its last page, then maybe read every record. */
function checker(full: boolean): string {
  return `
import { statSync } from 'node:fs';
import { open } from ${JSON.stringify(import.meta.resolve('lmdb'))};
const env = open({ path: process.argv[1], maxDbs: 16, readOnly: true });
const { pageSize, lastPageNumber } = env.getStats();
const size = statSync(process.argv[1] + '/data.mdb').size;
// After a crash the file may end before its last page until LMDB grows it again: then the full read decides.
if (!${full} && size < (lastPageNumber + 1) * pageSize) throw new Error('the file is truncated: ' + size + ' bytes, its pages need ' + (lastPageNumber + 1) * pageSize);
if (${full}) for (const name of ${JSON.stringify(STORE_DATABASES)}) {
  const db = env.openDB({ name, encoding: 'binary' });
  for (const { value } of db.getRange({})) if (!(value instanceof Uint8Array)) throw new Error('database ' + name + ' holds a non-binary value');
}
await env.close();`;
}

export function checkStore(dir: string, full: boolean): void {
  const file = join(dir, 'data.mdb');
  if (!existsSync(file)) return;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', checker(full), dir], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (r.status === 0) return;
  const detail = r.signal ? `reading it kills a process with ${r.signal}${r.signal === 'SIGBUS' ? ': the file is truncated' : ''}`
    : (/^\w*Error: .*$/m.exec(r.stderr)?.[0] ?? (r.stderr.trim() || `check exited ${r.status}`));
  throw new StoreCorruptError(file, detail);
}
