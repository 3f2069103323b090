/** Every command has --help a new user can follow: what it does, its options, and examples. */
import t from 'tap';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI } from './helpers/processes.js';

const run = promisify(execFile);

const COMMANDS = [['cloudhub'], ['edgehub'], ['token', 'create'], ['token', 'revoke'], ['send'], ['nodes'], ['config', 'print'], ['exec'], ['logs'], ['port-forward']];

t.test('isthmus --help: the commands and a getting-started path', async (t) => {
  const { stdout } = await run(process.execPath, [CLI, '--help']);
  for (const c of ['cloudhub', 'edgehub', 'token', 'send', 'nodes', 'config']) t.match(stdout, new RegExp(`\\n  ${c}\\b`), `lists ${c}`);
  t.match(stdout, /Getting started/);
});

for (const cmd of COMMANDS) {
  t.test(`isthmus ${cmd.join(' ')} --help`, async (t) => {
    const { stdout } = await run(process.execPath, [CLI, ...cmd, '--help']);
    t.match(stdout, new RegExp(`^Usage: isthmus ${cmd.join(' ')} \\[options\\]`), 'usage line');
    t.match(stdout, /\nExamples:\n {2}\$ isthmus /, 'examples');
    const examples = stdout.slice(stdout.indexOf('Examples:')).split('\n').filter((l) => l.trim().startsWith('$'));
    t.ok(examples.every((l) => l.includes(`isthmus ${cmd.join(' ')}`)), 'every example runs this command');
  });
}
