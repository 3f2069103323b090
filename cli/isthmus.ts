#!/usr/bin/env node
/** The `isthmus` command: one binary, a subcommand per job. */
import { Command } from 'commander';
import { registerCloudhub } from './cloudhub-command.js';
import { registerEdgehub } from './edgehub-command.js';
import { registerToken } from './token-command.js';
import { registerSend } from './send-command.js';
import { registerNodes } from './nodes-command.js';
import { registerTunnel } from './tunnel-commands.js';

const program = new Command('isthmus')
  .description('Isthmus: cloud-edge message hub and reverse tunnel')
  .version('0.1.0')
  .showHelpAfterError();
registerCloudhub(program);
registerEdgehub(program);
registerToken(program);
registerSend(program);
registerNodes(program);
registerTunnel(program);
await program.parseAsync();
