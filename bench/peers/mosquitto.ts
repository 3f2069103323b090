/** One mosquitto broker with a generated config, for tests and benchmarks. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startDaemon, type Daemon } from './daemon.js';

export interface MosquittoOptions {
  dir: string;
  /** Names the config and persistence files in dir. */
  name: string;
  host?: string;
  /** Client listener; default a free port. */
  port?: number;
  /** More config lines (listeners, bridges). */
  extra?: string[];
  wrap?: string[];
}

export interface Mosquitto {
  port: number;
  daemon: Daemon;
  stop(): Promise<void>;
}

export async function startMosquitto(o: MosquittoOptions): Promise<Mosquitto> {
  const host = o.host ?? '127.0.0.1';
  for (let attempt = 0; ; attempt++) {
    const port = o.port ?? await freePort(host);
    const conf = join(o.dir, `${o.name}.conf`);
    writeFileSync(conf, [
      'per_listener_settings false',
      'allow_anonymous true',
      `listener ${port} ${host}`,
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      'log_type information',
      'persistence false',
      ...(o.extra ?? []),
      '',
    ].join('\n'));
    try {
      const daemon = await startDaemon('mosquitto', ['-c', conf], { wrap: o.wrap, ready: /mosquitto version \S+ running/, label: `mosquitto ${o.name}` });
      return { port, daemon, stop: () => daemon.stop() };
    } catch (err) {
      // A port taken between freePort() and bind: try another.
      if (o.port === undefined && attempt < 3 && /Address already in use/i.test((err as Error).message)) continue;
      throw err;
    }
  }
}
