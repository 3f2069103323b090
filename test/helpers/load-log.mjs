/**
 * Preloaded into a CLI child (NODE_OPTIONS=--import=...): appends every module
 * the process loads to the file named by TEST_MODULE_LOAD_LOG, one a line:
 * ES modules through a resolve hook (load-log-hooks.mjs), CommonJS files
 * through Module._load. test/edge-footprint.test.ts reads it to check what
 * an edge hub process does not load.
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const file = process.env.TEST_MODULE_LOAD_LOG;
if (file) {
  register('./load-log-hooks.mjs', import.meta.url, { data: { file } });
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const exports = load.apply(this, arguments);
    try { appendFileSync(file, `cjs:${Module._resolveFilename(request, parent, isMain)}\n`); } catch { /* a builtin without a file */ }
    return exports;
  };
}
