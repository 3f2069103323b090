// tsc does not copy the generated protobuf module: put it beside the compiled codec.
import { cpSync } from 'node:fs';
cpSync('proto/gen', 'dist/proto/gen', { recursive: true });
