/**
 * Which module registers which `isthmus` subcommand, loaded on demand: a
 * process imports only the module of the command it runs, so `isthmus edgehub`
 * never loads (and never maps into its RSS) the cloud hub, uWebSockets.js,
 * @peculiar/x509, the kube face or the tunnel client. Help, an unknown command
 * or no command loads them all, so `isthmus --help` lists every command and
 * commander can suggest the nearest name.
 *
 * A new command adds one line here (its names, and the module that registers them).
 */
import type { Command } from 'commander';

type Register = (program: Command) => void;

const TABLE: ReadonlyArray<readonly [names: readonly string[], load: () => Promise<Register>]> = [
  [['cloudhub'], async () => (await import('./cloudhub-command.js')).registerCloudhub],
  [['edgehub'], async () => (await import('./edgehub-command.js')).registerEdgehub],
  [['token'], async () => (await import('./token-command.js')).registerToken],
  [['send'], async () => (await import('./send-command.js')).registerSend],
  [['nodes'], async () => (await import('./nodes-command.js')).registerNodes],
  [['config'], async () => (await import('./config-command.js')).registerConfig],
  [['exec', 'logs', 'port-forward'], async () => (await import('./tunnel-commands.js')).registerTunnel],
];

/** The register functions for the command named `first` (argv[2]); all of them when it names none. */
export function commandsFor(first: string | undefined): Promise<Register[]> {
  const own = TABLE.find(([names]) => first !== undefined && names.includes(first));
  return Promise.all((own ? [own] : TABLE).map(([, load]) => load()));
}

/** Every command name, in registration order. */
export const COMMAND_NAMES: readonly string[] = TABLE.flatMap(([names]) => names);
