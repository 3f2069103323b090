/** Reads a Prometheus /metrics endpoint over real HTTP and looks figures up by name and labels. */

export interface Scrape {
  text: string;
  /** The sample's value, or undefined when absent. Labels must match exactly the ones given (others ignored). */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

export async function scrape(url: string): Promise<Scrape> {
  const res = await fetch(`${url}/metrics`);
  if (res.status !== 200) throw new Error(`GET ${url}/metrics: ${res.status}`);
  const text = await res.text();
  const samples: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return {
    text,
    value(name, want = {}) {
      return samples.find((s) => s.name === name && Object.entries(want).every(([k, v]) => s.labels[k] === v))?.value;
    },
  };
}
