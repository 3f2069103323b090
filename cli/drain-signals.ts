/**
 * SIGTERM / SIGINT for the hub commands: drain once, exit 0 when done; exit 1
 * if the drain overruns its deadline (plus a second for the store to close),
 * so a supervisor never waits on a stuck process. A second signal exits at once.
 */
import type { Logger } from 'pino';

export function stopOnSignals(log: Logger, deadlineMs: number, drain: () => Promise<void>): void {
  let draining = false;
  const stop = (signal: string): void => {
    if (draining) {
      log.warn({ signal }, 'second signal: exiting without waiting for the drain');
      process.exit(1);
    }
    draining = true;
    log.info({ signal, deadlineMs }, 'draining');
    const force = setTimeout(() => {
      log.error({ deadlineMs }, 'drain overran its deadline; exiting');
      process.exit(1);
    }, deadlineMs + 1_000);
    force.unref();
    drain().then(
      () => { log.info('drained; exiting'); process.exit(0); },
      (err: Error) => { log.error({ err }, 'drain failed; exiting'); process.exit(1); },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
