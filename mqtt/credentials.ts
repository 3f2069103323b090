/** Password checks that take the same time whatever the first wrong byte. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string | Buffer): Buffer => createHash('sha256').update(s).digest();

/** Compares through fixed-length digests, so neither content nor length leaks through timing. */
export function samePassword(given: Buffer | string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
