// After tsc: the `isthmus` command as a bundle (dist/bin/isthmus.js and its
// chunks), what the bin, `npm start`, the image and the benchmarks run.
//
// Why: an edge hub started from ~300 module files spent its start-up in the
// module loader (path resolution, the CJS export lexer), hot enough that V8
// compiled those loops with TurboFan; the compiler's pages and zones stayed
// in the RSS of an idle edge (64-68 MB unbundled, 59-60 bundled; see
// ARCHITECTURE.md, "Edge footprint"). One chunk per command keeps the lazy
// command table: `isthmus edgehub` still loads no cloud hub code.
//
// Packages that find native addons or data files next to their own files
// stay outside the bundle and load from node_modules as before; so do the two
// loaded through createRequire on purpose (prom-client's lib files, yaml).
import { build } from 'esbuild';
import { chmodSync, writeFileSync } from 'node:fs';

const EXTERNAL = [
  'lmdb', 'bufferutil', 'utf-8-validate', 'msgpackr-extract', 'uWebSockets.js', 'node-pty', 'ioredis',
  'prom-client', 'yaml',
];

const result = await build({
  entryPoints: ['dist/cli/isthmus.js'],
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true, // ~0.5 MB less RSS than keeping identifiers; stack traces map back with NODE_OPTIONS=--enable-source-maps
  sourcemap: 'linked',
  metafile: true,
  external: EXTERNAL,
  // CJS packages inside an ESM bundle still call require() (ws for bufferutil, ...).
  banner: { js: "import { createRequire as __isthmusRequire } from 'node:module'; const require = __isthmusRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
// Which source modules each output file holds: test/edge-footprint.test.ts maps loaded chunks back to them.
writeFileSync('dist/bin/meta.json', JSON.stringify(result.metafile));
chmodSync('dist/bin/isthmus.js', 0o755);
