/** Option parsers shared by the CLI commands: each names the flag it rejects. */
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../cloudhub/index.js';

export function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return n;
}

/** Prints an error without a stack and exits non-zero. */
export function fail(err: unknown): never {
  process.stderr.write(`isthmus: ${(err as Error).message ?? String(err)}\n`);
  process.exit(1);
}
