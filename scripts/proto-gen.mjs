// Compiles proto/hub.proto to static code in proto/gen/ (hub.js + hub.d.ts).
// With --check, compiles to a temporary folder and fails if the committed code
// differs from what the schema produces, so the schema and the code never drift.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outDir = check ? mkdtempSync(join(tmpdir(), 'isthmus-proto-')) : join(root, 'proto', 'gen');
mkdirSync(outDir, { recursive: true });

execFileSync(process.execPath, [
  join(root, 'node_modules', 'protobufjs-cli', 'bin', 'pbjs'),
  '-t', 'static-module', '-w', 'esm', '--dependency', 'protobufjs/minimal.js',
  '--force-number', '--no-verify', '--no-convert', '--no-delimited', '--no-typeurl', '--no-service',
  '-o', join(outDir, 'hub.js'), '-d', join(root, 'proto', 'hub.proto'),
], { stdio: 'inherit' });

if (check) {
  const drift = ['hub.js', 'hub.d.ts'].filter((f) => {
    let committed = '';
    try { committed = readFileSync(join(root, 'proto', 'gen', f), 'utf8'); } catch { /* missing counts as drift */ }
    return committed !== readFileSync(join(outDir, f), 'utf8');
  });
  rmSync(outDir, { recursive: true, force: true });
  if (drift.length) {
    console.error(`proto/gen/${drift.join(', proto/gen/')} drifted from proto/hub.proto: run "npm run proto" and commit the result`);
    process.exit(1);
  }
  console.log('proto/gen matches proto/hub.proto');
}
