// After tsc: tsc does not copy the generated protobuf module, so put it beside
// the compiled codec; and make the CLI executable for `npx isthmus`.
import { chmodSync, cpSync } from 'node:fs';
cpSync('proto/gen', 'dist/proto/gen', { recursive: true });
chmodSync('dist/cli/isthmus.js', 0o755);
