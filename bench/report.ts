/**
 * A benchmark's outcome, printed as a table and written as JSON (every figure
 * and how it was measured), Markdown (the same tables, for reading in a
 * review) and an SVG bar chart, under bench/results/<name>.*.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunInfo } from './machine.js';
import { barChartSvg, type BarChart } from './svg.js';
import { lineChartSvg, type LineChart } from './line-chart.js';

export interface Column {
  key: string;
  title: string;
  right?: boolean;
}

export interface Table {
  title: string;
  columns: Column[];
  rows: Record<string, string | number>[];
}

export interface Report {
  /** File stem under bench/results/. */
  name: string;
  title: string;
  info: RunInfo;
  settings: Record<string, unknown>;
  /** Every figure, for the JSON file. */
  data: unknown;
  tables: Table[];
  /** One line per target: the ratio and whether it is met. */
  summary: string[];
  chart: BarChart | LineChart;
}

function cells(t: Table): string[][] {
  return [t.columns.map((c) => c.title), ...t.rows.map((r) => t.columns.map((c) => String(r[c.key] ?? '')))];
}

export function textTable(t: Table): string {
  const rows = cells(t);
  const widths = t.columns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((v, i) => (t.columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(t: Table): string {
  const rows = cells(t);
  const head = `| ${rows[0]!.join(' | ')} |`;
  const rule = `| ${t.columns.map((c) => (c.right ? '---:' : '---')).join(' | ')} |`;
  return [head, rule, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function infoLine(i: RunInfo): string {
  return `${i.date} · \`${i.command}\` · Node ${i.node} · nproc ${i.nproc} · ${i.cpu} · ${i.platform}${i.quick ? ' · QUICK run (short, indicative only)' : ''}`;
}

export function printReport(r: Report): void {
  const out: string[] = ['', `== ${r.title} ==`, infoLine(r.info)];
  for (const t of r.tables) out.push('', t.title, textTable(t));
  out.push('', ...r.summary, '');
  process.stdout.write(out.join('\n') + '\n');
}

function markdown(r: Report): string {
  const out = [`# ${r.title}`, '', infoLine(r.info), '', `Settings: \`${JSON.stringify(r.settings)}\``, ''];
  for (const t of r.tables) out.push(`## ${t.title}`, '', markdownTable(t), '');
  out.push('## Targets', '', ...r.summary.map((s) => `- ${s}`), '', `![chart](${r.name}.svg)`, '');
  return out.join('\n');
}

/** Writes <name>.json, .md and .svg (each through a .tmp file and a rename); returns the paths. */
export function writeReport(r: Report, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    [`${r.name}.json`, JSON.stringify({ bench: r.name, title: r.title, ...r.info, settings: r.settings, ...(r.data as object), summary: r.summary }, null, 2) + '\n'],
    [`${r.name}.md`, markdown(r)],
    [`${r.name}.svg`, 'lines' in r.chart ? lineChartSvg(r.chart) : barChartSvg(r.chart)],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
    return path;
  });
}
