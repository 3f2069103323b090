/**
 * The parts of prom-client the hubs use, loaded from its own files instead of
 * its index. The index also loads the Pushgateway (http, https, zlib), the
 * cluster aggregator (node:cluster), Summary (tdigest) and the default process
 * metrics with @opentelemetry/api: 88 files and ~60 ms of start-up instead of
 * 8 files and ~3 ms, and ~1-2 MB of an edge hub's idle RSS for code it never
 * runs (measured: `npm run bench -- scale`, edge footprint; README).
 *
 * The default process metrics still load, when the first /metrics scrape asks
 * for them (processRegistry() in link-metrics.ts). Same module files as
 * `import 'prom-client'`, so a process that also imports the index shares one
 * copy of every class (instanceof and the global registry stay one).
 * test/prom-lite.test.ts checks that these paths exist and match the index.
 */
import { createRequire } from 'node:module';
import type * as Prom from 'prom-client';

const lib = (file: string): unknown => createRequire(import.meta.url)(`prom-client/lib/${file}`);

export const Registry = lib('registry') as typeof Prom.Registry;
export type Registry<T extends Prom.RegistryContentType = Prom.PrometheusContentType> = Prom.Registry<T>;
export const Counter = lib('counter') as typeof Prom.Counter;
export type Counter<T extends string = string> = Prom.Counter<T>;
export const Gauge = lib('gauge') as typeof Prom.Gauge;
export type Gauge<T extends string = string> = Prom.Gauge<T>;
export const Histogram = lib('histogram') as typeof Prom.Histogram;
export type Histogram<T extends string = string> = Prom.Histogram<T>;

/** prom-client's collectDefaultMetrics, its module (and @opentelemetry/api) loaded on the first call. */
export function collectDefaultMetrics<T extends Prom.RegistryContentType>(config?: Prom.DefaultMetricsCollectorConfiguration<T>): void {
  (lib('defaultMetrics') as typeof Prom.collectDefaultMetrics)(config);
}
