/**
 * UTF-8 length and writing for the hand-written encoders. Short strings are
 * measured and copied in JS: a call into C++ (Buffer.byteLength, buf.write)
 * costs more than the loop for them, most of all on a cold CPU (a message
 * after an idle wait).
 */

/** Strings up to this length are handled in JS. */
export const SHORT_STRING = 64;

/** UTF-8 length of s, as Buffer.byteLength counts it (a lone surrogate becomes 3 bytes, U+FFFD). */
export function utf8Length(s: string): number {
  if (s.length > SHORT_STRING) return Buffer.byteLength(s, 'utf8');
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; } else n += 3;
  }
  return n;
}

/** Writes s (n bytes of UTF-8, from utf8Length) at `at`; returns the end. */
export function writeUtf8(buf: Buffer, at: number, s: string, n: number): number {
  if (n === s.length && n <= SHORT_STRING) {
    for (let j = 0; j < n; j++) buf[at + j] = s.charCodeAt(j); // ASCII: one byte per character
    return at + n;
  }
  return at + buf.write(s, at, n, 'utf8');
}
