#!/usr/bin/env node
/** The `isthmus` command: one binary, a subcommand per job. */
import { Command } from 'commander';
import { commandsFor } from './command-table.js';

const program = new Command('isthmus')
  .description('Isthmus: cloud-edge message hub and reverse tunnel')
  .version('0.1.0')
  .showHelpAfterError()
  .addHelpText('after', `
Getting started (one machine):
  $ isthmus cloudhub                                        # terminal 1: prints the edge URL and the CA file
  $ isthmus token create --node edge-1 > edge-1.token       # terminal 2
  $ isthmus edgehub --cloud wss://127.0.0.1:10000 --node edge-1 --token-file edge-1.token --ca data/tls/ca.crt
  $ isthmus send --node edge-1 --lane control --json '{"hello":1}'
  $ isthmus nodes
Run "isthmus help <command>" for a command's options and examples.`);
// Only the invoked command's module graph loads (an edge never maps the cloud hub's uWS, x509, ...).
for (const register of await commandsFor(process.argv[2])) register(program);
await program.parseAsync();
