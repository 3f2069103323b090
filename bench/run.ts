/**
 * `npm run bench -- <latency|throughput|durable|drain|footprint|mqtt|all> [--quick] [flags]`: runs the
 * benchmarks one after the other, prints each table and writes its JSON,
 * Markdown and SVG under bench/results/. Exits when done, whatever sockets or
 * timers the hubs might still hold.
 */
import { BENCHES, parseArgs, USAGE, UsageError, type BenchName, type BenchOptions } from './args.js';
import { latency } from './latency.js';
import { runInfo, type RunInfo } from './machine.js';
import { printReport, writeReport, type Report } from './report.js';
import { drain } from './store/drain.js';
import { durable } from './store/durable.js';
import { footprint } from './store/footprint.js';
import { throughput } from './throughput.js';
import { mqttBench } from './mqtt/mqtt-bench.js';
import { loss } from './loss/loss.js';
import { storm } from './storm/storm.js';
import { scale } from './scale/scale.js';
import { tunnel } from './tunnel/tunnel.js';

const benches: Record<BenchName, (o: BenchOptions, info: RunInfo) => Promise<Report>> = { latency, throughput, durable, drain, footprint, mqtt: mqttBench, loss, storm, scale, tunnel };

async function main(argv: string[]): Promise<number> {
  let o: BenchOptions;
  try {
    o = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message ? `bench: ${err.message}\n` : ''}${USAGE}\n  benchmarks: ${BENCHES.join(', ')}, all\n`);
    return err.message ? 2 : 0;
  }
  const info = runInfo(argv, o.quick);
  for (const name of o.benches) {
    const report = await benches[name](o, info);
    printReport(report);
    for (const path of writeReport(report, o.outDir)) process.stdout.write(`wrote ${path}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => { process.stderr.write(`bench failed: ${err.stack ?? String(err)}\n`); process.exit(1); },
);
