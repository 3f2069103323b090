/** Real Mosquitto clients (mosquitto_sub, mosquitto_pub) as child processes, for the MQTT tests. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Received {
  topic: string;
  payload: string;
  retained: boolean;
  qos: number;
}

export interface Cred {
  user?: string;
  pass?: string;
}

export interface SubOptions extends Cred {
  topics: string[];
  qos?: 0 | 1;
  /** Client id with a persistent session (-c): the broker queues QoS 1 messages while it is away. */
  id?: string;
}

export interface Sub {
  child: ChildProcess;
  messages: Received[];
  stderr: string;
  /** Resolves once the SUBACK granted a subscription; rejects if every one was denied. */
  ready: Promise<void>;
  exited: Promise<number>;
  waitFor(cond: (m: Received[]) => boolean, label: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

// -F treats @ as a strftime escape: a plain word marks message lines.
const MARK = 'MQTTMSG ';

function credArgs(c: Cred): string[] {
  return [...(c.user !== undefined ? ['-u', c.user] : []), ...(c.pass !== undefined ? ['-P', c.pass] : [])];
}

export function mosquittoSub(port: number, o: SubOptions): Sub {
  const args = ['-h', '127.0.0.1', '-p', String(port), '-d', '-q', String(o.qos ?? 1), '-F', `${MARK}%r %q %t %p`, ...credArgs(o)];
  if (o.id) args.push('-i', o.id, '-c');
  for (const t of o.topics) args.push('-t', t);
  // Line-buffered: the debug line 'Subscribed ...' (our ready signal) is not flushed otherwise.
  const child = spawn('stdbuf', ['-oL', 'mosquitto_sub', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const messages: Received[] = [];
  let stderr = '';
  let partial = '';
  let onReady: () => void = () => {};
  let onFail: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => { onReady = resolve; onFail = reject; });
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    const lines = (partial + d).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith(MARK)) {
        const m = /^MQTTMSG (\d) (\d) (\S+) ?(.*)$/.exec(line);
        if (m) messages.push({ retained: m[1] === '1', qos: Number(m[2]), topic: m[3]!, payload: m[4]! });
      } else {
        // "Subscribed (mid: 1): 1, 128": the granted QoS per filter; 128 is a refusal.
        const granted = /^Subscribed \(mid: \d+\): (.*)$/.exec(line);
        if (granted) {
          if (granted[1]!.split(/,\s*/).every((g) => g === '128')) onFail(new Error('all subscriptions denied (SUBACK 0x80)'));
          else onReady();
        }
      }
    }
    for (const w of waiters) w();
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if (/denied|Connection Refused|Error/i.test(stderr)) onFail(new Error(`mosquitto_sub: ${stderr.trim()}`));
  });
  const exited = new Promise<number>((r) => child.once('exit', (code) => { onFail(new Error(`mosquitto_sub exited ${code}: ${stderr.trim()}`)); r(code ?? -1); }));
  return {
    child, messages, ready, exited,
    get stderr() { return stderr; },
    waitFor(cond, label, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (cond(messages)) { waiters.delete(check); clearTimeout(timer); resolve(); }
        };
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out waiting for ${label}; got ${messages.length} messages: ${JSON.stringify(messages.slice(-5))}`)); }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface PubOptions extends Cred {
  topic: string;
  qos?: 0 | 1;
  retain?: boolean;
  /** One message per line on one connection (-l); else `message`. */
  lines?: string[];
  message?: string;
  id?: string;
}

export interface PubResult {
  code: number;
  stderr: string;
}

export function mosquittoPub(port: number, o: PubOptions): Promise<PubResult> {
  const args = ['-h', '127.0.0.1', '-p', String(port), '-t', o.topic, '-q', String(o.qos ?? 1), ...credArgs(o)];
  if (o.retain) args.push('-r');
  if (o.id) args.push('-i', o.id);
  // Long messages go through stdin (-s): one argument may not exceed 128 KiB.
  const viaStdin = !o.lines && (o.message ?? '').length > 8192;
  if (o.lines) args.push('-l'); else if (viaStdin) args.push('-s'); else args.push('-m', o.message ?? '');
  const child = spawn('mosquitto_pub', args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  child.stdin!.on('error', () => {}); // the client may exit before reading it all
  if (o.lines) child.stdin!.end(o.lines.join('\n') + '\n'); else if (viaStdin) child.stdin!.end(o.message); else child.stdin!.end();
  // A client that retries forever (e.g. -l reconnecting after a refusal) must not outlive the test.
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => child.once('exit', (code) => { clearTimeout(timer); resolve({ code: code ?? -1, stderr: stderr.trim() }); }));
}
