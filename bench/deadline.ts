/** Every wait in a benchmark is bounded: a case that overruns is reported as a timeout, never hangs the run. */

export class DeadlineError extends Error {
  constructor(label: string, ms: number) {
    super(`${label}: no result within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

export function withDeadline<T>(p: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new DeadlineError(label, ms)), ms); });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** Resolves once cond() holds, checking every few ms; rejects at the deadline. */
export async function until(cond: () => boolean, ms: number, label: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new DeadlineError(label, ms);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
