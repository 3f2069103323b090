/** Run by store-check.ts in a child process: opens the store and reads every record of every database. */
import { open } from 'lmdb';
import { STORE_DATABASES } from './lmdb-layout.js';

const dir = process.argv[2]!;
try {
  const env = open({ path: dir, maxDbs: 16, readOnly: true });
  for (const name of STORE_DATABASES) {
    const db = env.openDB({ name, encoding: 'binary' });
    for (const { value } of db.getRange({})) if (!(value instanceof Uint8Array)) throw new Error(`database ${name} holds a non-binary value`);
  }
  await env.close();
  process.exit(0);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
