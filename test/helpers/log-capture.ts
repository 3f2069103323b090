/** A pino logger that keeps its lines in memory, so a test can assert what the hub logged. */
import { pino, type Logger } from 'pino';

export interface LogLine {
  level: number;
  time: number;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLog {
  log: Logger;
  lines: LogLine[];
  /** Lines whose msg contains `msg` (or matches it) and that satisfy `where`. */
  find(msg: string | RegExp, where?: (l: LogLine) => boolean): LogLine[];
}

export const LEVEL = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

export function captureLog(level: 'debug' | 'info' | 'warn' = 'debug'): CapturedLog {
  const lines: LogLine[] = [];
  const log = pino({ level }, { write: (s: string) => { lines.push(JSON.parse(s) as LogLine); } });
  return {
    log,
    lines,
    find(msg, where = () => true) {
      return lines.filter((l) => (typeof msg === 'string' ? l.msg.includes(msg) : msg.test(l.msg)) && where(l));
    },
  };
}
