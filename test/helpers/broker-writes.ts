/**
 * For tests of how the MQTT broker writes: a plain broker on an ephemeral
 * port, and a count of the writes that reach its accepted sockets (the
 * syscalls aedes causes), taken by wrapping net.Socket's _write and _writev
 * for the test's duration.
 */
import net from 'node:net';
import type { Test } from 'tap';
import { MqttBroker } from '../../mqtt/index.js';
import { createLogger } from '../../link/index.js';

export interface WriteCount {
  /** Writes to accepted sockets since the last reset. */
  readonly writes: number;
  reset(): void;
}

export function countBrokerWrites(t: Test): WriteCount {
  const count = { writes: 0, reset() { this.writes = 0; } };
  const proto = net.Socket.prototype as unknown as { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
  const w = proto._write;
  const wv = proto._writev;
  proto._write = function (this: net.Socket & { server?: unknown }, ...a: unknown[]) { if (this.server) count.writes++; return w.apply(this, a); };
  proto._writev = function (this: net.Socket & { server?: unknown }, ...a: unknown[]) { if (this.server) count.writes++; return wv.apply(this, a); };
  t.teardown(() => { proto._write = w; proto._writev = wv; });
  return count;
}

/** A broker that lets everyone in and carries nothing anywhere (closed at the test's end). */
export async function plainBroker(t: Test): Promise<MqttBroker<string>> {
  const broker = await MqttBroker.start<string>({
    host: '127.0.0.1', port: 0, log: createLogger('silent', 'test'), maxPacketBytes: 1 << 20,
    hooks: { authenticate: () => 'x', publish: () => {}, forbidSubscribe: () => null, errorsTopic: () => 'errors' },
  });
  t.teardown(() => broker.close());
  return broker;
}
