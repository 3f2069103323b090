/** JSON logs (pino). Embedded hubs log warnings to stderr unless given a logger or level. */
import { pino, type Logger, type Level } from 'pino';

export type LogOption = Logger | Level | 'silent' | undefined;

export function createLogger(option: LogOption, name: string, fallback: Level = 'warn'): Logger {
  if (option && typeof option === 'object') return option.child({ component: name });
  return pino({ name, level: option ?? fallback, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: false }));
}
