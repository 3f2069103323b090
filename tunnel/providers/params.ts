/** Checks of provider parameters: each error names the parameter (StreamFail BAD_PARAMS). */
import { StreamCode, StreamError } from '../codes.js';

export function bad(message: string): StreamError {
  return new StreamError(StreamCode.BAD_PARAMS, message);
}

export function optBool(v: unknown, name: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw bad(`${name} must be true or false, got ${JSON.stringify(v)}`);
  return v;
}

export function optInt(v: unknown, name: string, min: number, max: number): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw bad(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return v;
}

export function argv(v: unknown, name: string): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 4096 || v.some((a) => typeof a !== 'string')) {
    throw bad(`${name} must be a non-empty list of strings, got ${JSON.stringify(v)?.slice(0, 200)}`);
  }
  return v as string[];
}
