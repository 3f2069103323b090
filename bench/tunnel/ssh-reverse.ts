/**
 * OpenSSH's reverse tunnel on loopback, the peer to compare against: our own
 * sshd on a free port with a generated host key and authorized key in a temp
 * folder, and `ssh -tt -R` forwarding a port of the sshd side to each target
 * (as an edge behind NAT would). -tt as the issue asks: ssh then sets
 * TCP_NODELAY on its connection.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SshReverse {
  /** Port on the sshd side that reaches each target port. */
  forwarded: Map<number, number>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

async function listening(port: number, deadline: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect({ port, host: '127.0.0.1' }, () => { c.destroy(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startSshReverse(targets: number[]): Promise<SshReverse> {
  const dir = mkdtempSync(join(tmpdir(), 'isthmus-bench-ssh-'));
  const hostKey = join(dir, 'host_ed25519');
  const userKey = join(dir, 'user_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', userKey]);
  execFileSync('cp', [`${userKey}.pub`, join(dir, 'authorized_keys')]);
  mkdirSync('/run/sshd', { recursive: true }); // privilege separation folder sshd requires
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(config, [
    `ListenAddress 127.0.0.1:${port}`, `HostKey ${hostKey}`, `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    `PidFile ${join(dir, 'sshd.pid')}`, 'UsePAM no', 'StrictModes no', 'PermitRootLogin yes', 'PasswordAuthentication no',
    'AllowTcpForwarding yes', 'MaxSessions 100', 'MaxStartups 100', 'LogLevel ERROR', '',
  ].join('\n'));
  const sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let sshdErr = '';
  sshd.stderr!.on('data', (b: Buffer) => { sshdErr += b.toString(); });
  const children: ChildProcess[] = [sshd];
  const stop = async (): Promise<void> => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await listening(port, Date.now() + 10_000);
    const forwarded = new Map<number, number>();
    const args = ['-tt', '-i', userKey, '-p', String(port), '-o', 'StrictHostKeyChecking=no', '-o', `UserKnownHostsFile=${join(dir, 'known_hosts')}`,
      '-o', 'ExitOnForwardFailure=yes', '-o', 'LogLevel=ERROR'];
    for (const t of targets) {
      const r = await freePort();
      forwarded.set(t, r);
      args.push('-R', `127.0.0.1:${r}:127.0.0.1:${t}`);
    }
    const ssh = spawn('ssh', [...args, 'root@127.0.0.1', 'sleep 86400'], { stdio: ['pipe', 'ignore', 'pipe'] });
    children.push(ssh);
    let sshErr = '';
    ssh.stderr!.on('data', (b: Buffer) => { sshErr += b.toString(); });
    const deadline = Date.now() + 15_000;
    try {
      for (const r of forwarded.values()) await listening(r, deadline);
    } catch (err) {
      throw new Error(`ssh -R did not come up: ${(err as Error).message}; ssh: ${sshErr.trim()}; sshd: ${sshdErr.trim()}`);
    }
    return { forwarded, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
