/**
 * The systems the loss benchmark compares, each behind one shape: a cloud
 * side that sends a payload and hears its echo, a far end (child process or
 * broker) that echoes, and the TCP ports of the link between them, which
 * carry the loss. Local clients (a broker's publisher and subscriber) use
 * other ports and are not impaired.
 */
import { startFloorEcho, startIsthmusEcho, type EchoTarget, type Via } from '../echo-targets.js';
import { until } from '../deadline.js';
import { DelayLine } from './delay-line.js';
import { brokerEcho, brokerMissing, startBrokers } from './brokers.js';

export const SYSTEMS = ['isthmus', 'isthmus-multipath', 'floor', 'mosquitto-bridge', 'nats-leaf'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SYSTEM_TITLES: Record<SystemName, string> = {
  'isthmus': 'Isthmus, one path',
  'isthmus-multipath': 'Isthmus, multipath (2)',
  'floor': 'raw ws floor',
  'mosquitto-bridge': 'Mosquitto bridge (QoS 1)',
  'nats-leaf': 'NATS leaf node (MQTT QoS 1)',
};

export interface LossTarget {
  readonly system: SystemName;
  /** TCP ports of the link hop: the loss applies to these only. */
  readonly linkPorts: number[];
  onEcho: (payload: Uint8Array) => void;
  send(payload: Buffer): void;
  /** What the system itself counted (copies suppressed, fast retransmits), for the report. */
  counters(): Record<string, number>;
  close(): Promise<void>;
}

/** The systems asked for (all when empty) that can run here, and why the others cannot. */
export function availableSystems(asked: readonly string[], delayMs = 0): { systems: SystemName[]; missing: string[] } {
  const missing: string[] = [];
  for (const a of asked) if (!(SYSTEMS as readonly string[]).includes(a)) throw new Error(`unknown system "${a}" (known: ${SYSTEMS.join(', ')})`);
  const systems = ((asked.length ? asked : SYSTEMS) as SystemName[]).filter((s) => {
    if (s !== 'mosquitto-bridge' && s !== 'nats-leaf') return true;
    // The brokers dial their link port themselves: there is no hop to put a delay line in.
    const why = delayMs > 0 ? `${s}: the delay line cannot sit in a broker's own link` : brokerMissing(s);
    if (why) missing.push(why);
    return !why;
  });
  return { systems, missing };
}

/** Multipath paths used by 'isthmus-multipath'. */
export const MULTIPATH_PATHS = 2;

/** Starts a system; with delayMs > 0 its far end dials through a delay line (2 x delayMs per round trip). */
export async function startSystem(system: SystemName, delayMs = 0): Promise<LossTarget> {
  const lines: DelayLine[] = [];
  const via: Via = async (port) => {
    if (delayMs <= 0) return port;
    const line = await DelayLine.start(port, delayMs);
    lines.push(line);
    return line.port;
  };
  const target = await startSystemVia(system, via);
  const close = target.close.bind(target);
  target.close = async () => { await close(); for (const l of lines) await l.close(); };
  return target;
}

async function startSystemVia(system: SystemName, via: Via): Promise<LossTarget> {
  switch (system) {
    case 'mosquitto-bridge':
    case 'nats-leaf': {
      const pair = await startBrokers(system);
      const clients = await brokerEcho(pair).catch(async (err: Error) => { await pair.stop(); throw err; });
      let echo: (p: Uint8Array) => void = () => {};
      clients.setEcho((p) => echo(p));
      return {
        system,
        linkPorts: [pair.linkPort],
        set onEcho(f: (p: Uint8Array) => void) { echo = f; },
        get onEcho() { return echo; },
        send: (p) => clients.send(p),
        counters: () => ({}),
        close: async () => { await clients.close(); await pair.stop(); },
      };
    }
    case 'floor': {
      const t = await startFloorEcho(via);
      return wrap(system, t, [t.port], () => ({}));
    }
    case 'isthmus':
    case 'isthmus-multipath': {
      const paths = system === 'isthmus' ? 1 : MULTIPATH_PATHS;
      const t = await startIsthmusEcho('control', paths, via);
      await until(() => (t.hub.node('bench-echo')?.paths.length ?? 0) >= paths, 30_000, 'every path up');
      return wrap(system, t, [t.port], () => {
        const n = t.hub.node('bench-echo')!;
        return { redundantAtCloud: n.stats.redundant, duplicatesAtCloud: n.stats.duplicates, fastRetransmits: n.stats.fastRetransmits };
      });
    }
  }
}

function wrap(system: SystemName, t: EchoTarget, linkPorts: number[], counters: () => Record<string, number>): LossTarget {
  return {
    system,
    linkPorts,
    get onEcho() { return t.onEcho; },
    set onEcho(f) { t.onEcho = f; },
    send: (p) => t.send(p),
    counters,
    close: () => t.close(),
  };
}
