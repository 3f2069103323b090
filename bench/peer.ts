/**
 * Entry of the bench child process (forked by bench/child.ts): plays the far
 * end of one benchmark case, edges or raw ws clients, as the parent's spec
 * says. It exits when told to stop or when the parent goes away, so an
 * interrupted run never leaves it behind.
 */
import type { FromPeer, ToPeer } from './protocol.js';
import { roles, type RoleHandle } from './peers/index.js';

let role: RoleHandle | null = null;
let readyCpu = process.cpuUsage();

const report = (m: FromPeer): void => {
  if (m.type === 'done') {
    const cpu = process.cpuUsage(readyCpu);
    m = { ...m, cpuMs: (cpu.user + cpu.system) / 1000 };
  }
  if (process.connected) process.send!(m);
};

process.on('message', (m: ToPeer) => {
  void handle(m).catch((err: Error) => report({ type: 'error', message: err.stack ?? String(err) }));
});
process.on('disconnect', () => process.exit(0));

async function handle(m: ToPeer): Promise<void> {
  switch (m.type) {
    case 'start':
      role = await roles[m.spec.role](m.spec, report);
      readyCpu = process.cpuUsage();
      report({ type: 'ready' });
      break;
    case 'go':
      role?.go();
      break;
    case 'stop':
      await role?.close();
      process.exit(0);
  }
}
