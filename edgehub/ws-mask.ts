/**
 * The masking keys of the edge's WebSocket (package ws's `generateMask`):
 * random, as RFC 6455 §5.3 asks, drawn from a pool filled by the CSPRNG as
 * ws's own default does, and never all zero. With a zero key ws skips
 * masking and writes the caller's buffer itself, holding it until the kernel
 * takes it; with any other key it masks into a copy before send() returns.
 * The tunnel relies on that copy to reuse its frame buffers
 * (StreamPath.sendCopies), so a zero key, one draw in 2^32, must not happen.
 */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 8 * 1024;
const pool = Buffer.allocUnsafeSlow(POOL_BYTES);
let at = POOL_BYTES;

export function nonZeroMask(mask: Buffer): void {
  if (at === POOL_BYTES) {
    randomFillSync(pool);
    at = 0;
  }
  mask[0] = pool[at++]!;
  mask[1] = pool[at++]!;
  mask[2] = pool[at++]!;
  mask[3] = pool[at++]!;
  if ((mask[0] | mask[1] | mask[2] | mask[3]) === 0) mask[0] = 1 + (pool[0]! % 255);
}
