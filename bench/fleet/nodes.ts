/** Node names and tokens for a simulated fleet, signed with a hub data folder's secret. */
import { mintToken, openDataDir } from '../../cloudhub/index.js';

export function fleetNodes(dataDir: string, count: number): Array<{ node: string; token: string }> {
  const { secret } = openDataDir(dataDir);
  return Array.from({ length: count }, (_, i) => {
    const node = `edge-${String(i).padStart(6, '0')}`;
    return { node, token: mintToken(secret, node, 86_400_000) };
  });
}

/** Polls `probe` every `everyMs` until `done` says so or the deadline passes; returns the last value. */
export async function pollUntil<T>(probe: () => Promise<T>, done: (v: T) => boolean, deadlineMs: number, everyMs = 100): Promise<{ value: T; met: boolean }> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return { value, met: true };
    if (Date.now() > end) return { value, met: false };
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
