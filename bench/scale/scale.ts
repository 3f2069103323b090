import type { BenchOptions } from '../args.js';
import type { RunInfo } from '../machine.js';
import type { Report } from '../report.js';
export async function scale(_o: BenchOptions, _info: RunInfo): Promise<Report> { throw new Error('todo'); }
