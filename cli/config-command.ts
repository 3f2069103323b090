/** `isthmus config print`: the effective configuration, secrets masked. */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { loadConfig, maskSecrets, type Options } from './config-load.js';
import { CLOUDHUB_DEFAULTS } from './cloudhub-command.js';
import { EDGEHUB_DEFAULTS } from './edgehub-command.js';
import { fail } from './options.js';

interface Flags {
  config?: string;
  section?: 'cloudhub' | 'edgehub';
}

export function registerConfig(program: Command): void {
  const config = program.command('config').description('show and check configuration');
  config.command('print')
    .description('print the effective configuration (defaults < config file < ISTHMUS_* environment), secrets masked')
    .option('--config <file>', 'YAML config file (or ISTHMUS_CONFIG)')
    .option('--section <name>', 'only cloudhub or edgehub')
    .addHelpText('after', `
Examples:
  $ isthmus config print --config isthmus.yaml
  $ ISTHMUS_MAX_CONNECTIONS=5000 isthmus config print --section cloudhub
Exits non-zero with the key, the problem and what is allowed when the configuration is invalid.`)
    .action((f: Flags) => {
      try {
        if (f.section && f.section !== 'cloudhub' && f.section !== 'edgehub') throw new TypeError(`--section must be cloudhub or edgehub, got "${f.section}"`);
        const out: Options = {};
        for (const section of ['cloudhub', 'edgehub'] as const) {
          if (f.section && f.section !== section) continue;
          const defaults = section === 'cloudhub' ? CLOUDHUB_DEFAULTS : EDGEHUB_DEFAULTS;
          const own = loadConfig({ section, file: f.config });
          // The edge section is shown when something configures an edge (or when asked for).
          if (section === 'edgehub' && !f.section && Object.keys(own).length === 0) continue;
          out[section] = maskSecrets(loadConfig({ section, file: f.config, defaults: { ...defaults } }));
        }
        process.stdout.write(stringify(out));
      } catch (err) {
        fail(err);
      }
    });
}
