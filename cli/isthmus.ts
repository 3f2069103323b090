#!/usr/bin/env node
/** The `isthmus` command: one binary, a subcommand per job. */
import { Command } from 'commander';
import { registerCloudhub } from './cloudhub-command.js';
import { registerEdgehub } from './edgehub-command.js';
import { registerToken } from './token-command.js';
import { registerSend } from './send-command.js';
import { registerNodes } from './nodes-command.js';
import { registerConfig } from './config-command.js';
import { registerTunnel } from './tunnel-commands.js';

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
registerCloudhub(program);
registerEdgehub(program);
registerToken(program);
registerSend(program);
registerNodes(program);
registerConfig(program);
registerTunnel(program);
await program.parseAsync();
