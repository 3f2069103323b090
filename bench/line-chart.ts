/**
 * A line chart as a hand-written SVG string: one line per system over a few
 * x values (loss rates), log value axis, each point labelled. Like svg.ts,
 * reproducible from the JSON with nothing else installed.
 */

export interface LineChart {
  title: string;
  unit: string;
  xLabel: string;
  /** x values, in order, and how to print them. */
  xs: number[];
  xText: (x: number) => string;
  lines: { name: string; values: number[] }[];
}

const COLORS = ['#2b6cb0', '#38a169', '#9aa5b1', '#dd6b20', '#805ad5', '#e53e3e'];
const W = 860;
const H = 460;
const M = { top: 78, right: 30, bottom: 60, left: 80 };
const r1 = (v: number): string => String(Math.round(v * 10) / 10);
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const short = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));

export function lineChartSvg(c: LineChart): string {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const values = c.lines.flatMap((l) => l.values.filter((v) => Number.isFinite(v) && v > 0));
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values, 1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values, lo * 10)));
  const y = (v: number): number => M.top + plotH - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotH;
  // Evenly spaced x positions: loss rates are categories here (0, 1, 5, 10 %), not a scale.
  const x = (i: number): number => M.left + (c.xs.length === 1 ? plotW / 2 : (plotW * i) / (c.xs.length - 1));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${esc(c.title)}</text>`);
  c.lines.forEach((l, i) => {
    const lx = M.left + (i % 3) * 250;
    const ly = 40 + Math.floor(i / 3) * 18;
    out.push(`<rect x="${lx}" y="${ly}" width="14" height="4" fill="${COLORS[i % COLORS.length]}"/><text x="${lx + 20}" y="${ly + 6}">${esc(l.name)}</text>`);
  });
  for (let v = lo; v <= hi * 1.0001; v *= 10) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#e2e8f0"/>`);
    out.push(`<text x="${M.left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${short(v)}</text>`);
  }
  out.push(`<text x="16" y="${M.top + plotH / 2}" transform="rotate(-90 16 ${M.top + plotH / 2})" text-anchor="middle">${esc(`${c.unit} (log scale)`)}</text>`);
  c.xs.forEach((xv, i) => out.push(`<text x="${r1(x(i))}" y="${H - M.bottom + 20}" text-anchor="middle">${esc(c.xText(xv))}</text>`));
  out.push(`<text x="${M.left + plotW / 2}" y="${H - 14}" text-anchor="middle">${esc(c.xLabel)}</text>`);
  c.lines.forEach((l, li) => {
    const color = COLORS[li % COLORS.length];
    const pts = l.values.map((v, i) => (Number.isFinite(v) ? `${r1(x(i))},${r1(y(v))}` : null)).filter((p): p is string => p !== null);
    if (pts.length > 1) out.push(`<polyline fill="none" stroke="${color}" stroke-width="2.5" points="${pts.join(' ')}"/>`);
    l.values.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      out.push(`<circle cx="${r1(x(i))}" cy="${r1(y(v))}" r="4" fill="${color}"/>`);
      out.push(`<text x="${r1(x(i) + 7)}" y="${r1(y(v) - 6)}" font-size="10" fill="${color}">${short(v)}</text>`);
    });
  });
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${r1(M.top + plotH)}" y2="${r1(M.top + plotH)}" stroke="#2d3748"/>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
