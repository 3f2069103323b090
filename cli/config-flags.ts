/**
 * Flags as the top layer of the config: only the flags the user typed count
 * (commander's source "cli"), so a flag's default never hides a value from
 * the config file or the environment. Defaults live in the command's
 * defaults layer instead (and in its help text).
 */
import type { Command } from 'commander';
import type { Options } from './config-load.js';

/** flag attribute → option path ("tls.cert") or a function of the value. */
export type FlagMap = Record<string, string | ((value: unknown) => Options)>;

export function explicitFlags(cmd: Command, map: FlagMap): Options {
  const values = cmd.opts();
  const out: Options = {};
  for (const [flag, to] of Object.entries(map)) {
    if (cmd.getOptionValueSource(flag) !== 'cli') continue;
    const value = values[flag];
    if (typeof to === 'function') { Object.assign(out, to(value)); continue; }
    const parts = to.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Options;
    node[parts.at(-1)!] = value;
  }
  return out;
}

/** Commander collector for repeatable flags (--tls-host a --tls-host b). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
