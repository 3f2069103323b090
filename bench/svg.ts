/**
 * A grouped bar chart as a hand-written SVG string: one group per case, one
 * bar per system, the value printed on each bar. No chart library: the figure
 * must be reproducible from the JSON with nothing else installed.
 */

export interface BarChart {
  title: string;
  unit: string;
  /** Names of the bars in each group, in order (e.g. floor, Isthmus). */
  series: string[];
  groups: { label: string; values: number[]; note?: string }[];
  /** Logarithmic value axis (decades), for figures spanning orders of magnitude such as latency percentiles. */
  log?: boolean;
}

const COLORS = ['#9aa5b1', '#2b6cb0', '#dd6b20', '#38a169'];
const W = 860;
const H = 420;
const M = { top: 56, right: 20, bottom: 78, left: 80 };

const r1 = (v: number): string => String(Math.round(v * 10) / 10);
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round axis maximum (1, 2 or 5 times a power of ten) above the largest value. */
function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function short(v: number): string {
  if (!Number.isFinite(v)) return '-';
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (v >= 1e4) return `${(v / 1e3).toFixed(0)}k`;
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  if (v >= 0.1 || v === 0) return v.toFixed(2);
  return v.toFixed(3);
}

export function barChartSvg(c: BarChart): string {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const values = c.groups.flatMap((g) => g.values.filter((v) => Number.isFinite(v) && (!c.log || v > 0)));
  // Linear: 0 to a round maximum in five steps. Log: whole decades around the values.
  const least = Math.min(...values, 1);
  const decade = 10 ** Math.floor(Math.log10(least));
  // A decade of room below the smallest value when it sits near a decade line, so its bar stays visible.
  const lo = c.log ? (least / decade < 2 ? decade / 10 : decade) : 0;
  const hi = c.log ? 10 ** Math.ceil(Math.log10(Math.max(...values, lo * 10))) : niceMax(Math.max(0, ...values));
  const frac = (v: number): number => (c.log ? (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : v / hi);
  const y = (v: number): number => M.top + plotH - frac(v) * plotH;
  const ticks = c.log
    ? Array.from({ length: Math.round(Math.log10(hi / lo)) + 1 }, (_, i) => lo * 10 ** i)
    : Array.from({ length: 6 }, (_, i) => (hi * i) / 5);
  const groupW = plotW / Math.max(1, c.groups.length);
  const barW = Math.min(48, (groupW * 0.75) / c.series.length);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${esc(c.title)}</text>`);
  // Legend.
  c.series.forEach((s, i) => {
    const x = M.left + i * 180;
    out.push(`<rect x="${x}" y="34" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/><text x="${x + 18}" y="45">${esc(s)}</text>`);
  });
  for (const v of ticks) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#e2e8f0"/>`);
    out.push(`<text x="${M.left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${short(v)}</text>`);
  }
  const unit = c.log ? `${c.unit} (log scale)` : c.unit;
  out.push(`<text x="16" y="${M.top + plotH / 2}" transform="rotate(-90 16 ${M.top + plotH / 2})" text-anchor="middle">${esc(unit)}</text>`);
  // Bars.
  c.groups.forEach((g, gi) => {
    const cx = M.left + groupW * (gi + 0.5);
    const x0 = cx - (barW * c.series.length) / 2;
    g.values.forEach((v, si) => {
      const x = x0 + si * barW;
      if (!Number.isFinite(v)) {
        out.push(`<text x="${r1(x + barW / 2)}" y="${r1(y(lo) - 4)}" text-anchor="middle">n/a</text>`);
        return;
      }
      out.push(`<rect x="${r1(x + 2)}" y="${r1(y(v))}" width="${r1(barW - 4)}" height="${r1(Math.max(0, y(lo) - y(v)))}" fill="${COLORS[si % COLORS.length]}"/>`);
      out.push(`<text x="${r1(x + barW / 2)}" y="${r1(y(v) - 4)}" text-anchor="middle" font-size="10">${short(v)}</text>`);
    });
    out.push(`<text x="${r1(cx)}" y="${H - M.bottom + 18}" text-anchor="middle">${esc(g.label)}</text>`);
    if (g.note) out.push(`<text x="${r1(cx)}" y="${H - M.bottom + 34}" text-anchor="middle" fill="#4a5568">${esc(g.note)}</text>`);
  });
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${r1(y(lo))}" y2="${r1(y(lo))}" stroke="#2d3748"/>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
