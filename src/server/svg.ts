import type { HistoryPoint } from '../alerts/history.js';
import { formatCount, formatDate, type Lang } from '../format/index.js';
import { dayOf, expectedAt, type Point, type Projection, type Status } from '../trajectory/index.js';
import { linear, niceTicks, yearTicks } from './chartScale.js';
import { escapeHtml as e } from './html.js';
import { LABELS } from './labels.js';

export interface ChartPoint {
  as_of: string;
  actual: number;
  expected: number | null;
}

export interface TargetChartInput {
  id: string;
  title: string;
  as_of: string;
  baseline: Point | null;
  milestones: readonly Point[];
  points: readonly HistoryPoint[];
  projection: Projection | null;
}

/**
 * Viewport units: the chart is drawn 360 wide and scales with its box, so 14-unit text stays at
 * least 12 CSS px down to a 310 px wide box (a 390 px phone) and grows on a laptop.
 */
const W = 360;
const H = 230;
const FONT = 14;
const PAD = { right: 14, top: 30, bottom: 26 };

export const STATUS_COLOUR: Record<Status | 'no_data', string> = {
  on_track: '#137333',
  behind: '#b06000',
  critical: '#b3261e',
  not_started: '#5f6b7a',
  no_data: '#5f6b7a',
};
const ACTUAL = '#0b4f8a';
const EXPECTED = '#8a5a00';
const PROJECTION = '#6a3d9a';
const INK = '#3c4650';

const f1 = (v: number) => v.toFixed(1);

/** The trend line of a projection, from the as-of date to the next milestone. */
function projectionEnds(p: Projection, asOf: string): [Point, Point] {
  const days = dayOf(p.next.date) - dayOf(asOf);
  const start = p.projected_value_next - (p.slope_per_year / 365) * days;
  return [
    { date: asOf, value: start },
    { date: p.next.date, value: p.projected_value_next },
  ];
}

/** Where a label of about `chars` characters sits at `x` without leaving the drawing. */
function anchorAt(x: number, chars: number, left: number): { x: number; anchor: string } {
  const half = (chars * FONT * 0.56) / 2;
  if (x + half > W - 2) return { x: W - 2, anchor: 'end' };
  if (x - half < left) return { x: left, anchor: 'start' };
  return { x, anchor: 'middle' };
}

type Valued = { as_of: string; actual: number } | Point;
const dateOf = (p: Valued) => ('date' in p ? p.date : p.as_of);
const amountOf = (p: Valued) => ('value' in p ? p.value : p.actual);

/** A line's value on `date` (linear between its points), or null outside the line. */
function valueOn(line: readonly Valued[], date: string): number | null {
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    if (dateOf(a) <= date && date <= dateOf(b)) {
      const span = dayOf(dateOf(b)) - dayOf(dateOf(a)) || 1;
      return amountOf(a) + ((dayOf(date) - dayOf(dateOf(a))) / span) * (amountOf(b) - amountOf(a));
    }
  }
  return null;
}

/** A milestone label's baseline: above its marker, below it when a line passes above, clear of both lines. */
function labelY(m: Point, lines: Array<number | null>, y: (v: number) => number): number {
  const near = lines.filter((v): v is number => v !== null);
  const above = near.some((v) => v > m.value);
  const below = near.some((v) => v < m.value);
  const over = (v: number) => (y(v) - 12 < FONT ? y(v) + FONT + 10 : y(v) - 12);
  if (!above) return over(m.value);
  if (!below && y(m.value) + FONT + 10 < H - PAD.bottom - 2) return y(m.value) + FONT + 10;
  return over(Math.max(...near));
}

/**
 * A target's whole history as a self-contained SVG (presentation attributes, no page CSS, so the
 * same markup can be rasterised for email): actual per published date coloured by status, the
 * plan's expected path, its milestones labelled `2025: 100`, and the projection to the next one.
 */
export function targetChart(input: TargetChartInput, lang: Lang): string {
  const t = LABELS[lang];
  const { points, baseline } = input;
  if (points.length === 0) return '';
  const from = baseline && baseline.date < points[0]!.as_of ? baseline.date : points[0]!.as_of;
  const next = input.milestones.find((m) => m.date > input.as_of);
  const to = next && next.date > input.as_of ? next.date : input.as_of;
  const shown = input.milestones.filter((m) => m.date >= from && m.date <= to);
  const trend = input.projection ? projectionEnds(input.projection, input.as_of) : null;
  const top = Math.max(
    ...points.map((p) => Math.max(p.actual, p.expected ?? 0)),
    ...shown.map((m) => m.value),
    ...(trend ? trend.map((p) => p.value) : []),
    1,
  );
  const ticks = niceTicks(top * 1.08);
  const yMax = ticks.at(-1)!;
  const left = 12 + Math.max(...ticks.map((v) => formatCount(v, lang).length)) * FONT * 0.58;
  const x = linear(dayOf(from), dayOf(to), left, W - PAD.right);
  const y = linear(0, yMax, H - PAD.bottom, PAD.top);
  const X = (date: string) => x(dayOf(date));

  const grid = ticks.map(
    (v) =>
      `<line x1="${f1(left)}" x2="${W - PAD.right}" y1="${f1(y(v))}" y2="${f1(y(v))}" stroke="#e3e6ea"/><text class="tick" x="${f1(left - 6)}" y="${f1(y(v) + FONT * 0.35)}" text-anchor="end">${formatCount(v, lang)}</text>`,
  );
  const years = yearTicks(from, to);
  const every = Math.ceil((years.length * FONT * 2.6) / (W - PAD.right - left)) || 1;
  const yearLabels = years
    .filter((_, i) => (years.length - 1 - i) % every === 0)
    .map(({ day, year }) => {
      const at = anchorAt(x(day), 4, left);
      return `<line x1="${f1(x(day))}" x2="${f1(x(day))}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom + 4}" stroke="${INK}"/><text class="year" x="${f1(at.x)}" y="${H - 6}" text-anchor="${at.anchor}">${year}</text>`;
    });

  const plan = baseline
    ? [
        baseline,
        ...shown.filter((m) => m.date > baseline.date),
        { date: to, value: expectedAt(baseline, input.milestones, to) ?? 0 },
      ]
        .map((p) => `${f1(X(p.date))},${f1(y(p.value))}`)
        .join(' ')
    : '';
  const expected = plan
    ? `<polyline class="expected" points="${plan}" fill="none" stroke="${EXPECTED}" stroke-width="2" stroke-dasharray="6 4"><title>${e(t.expected)}</title></polyline>`
    : '';
  const actual = `<polyline class="actual" points="${points.map((p) => `${f1(X(p.as_of))},${f1(y(p.actual))}`).join(' ')}" fill="none" stroke="${ACTUAL}" stroke-width="2.5"/>`;
  const projection = trend
    ? `<polyline class="projection" points="${trend.map((p) => `${f1(X(p.date))},${f1(y(Math.max(0, p.value)))}`).join(' ')}" fill="none" stroke="${PROJECTION}" stroke-width="2" stroke-dasharray="2 4"><title>${e(t.projection)}: ${formatCount(input.projection!.projected_value_next, lang)} (${formatDate(input.projection!.next.date, lang)})</title></polyline>`
    : '';
  const milestones = shown.map((m) => {
    const mx = X(m.date);
    const my = y(m.value);
    const label = `${m.date.slice(0, 4)}: ${formatCount(m.value, lang)}`;
    const at = anchorAt(mx, label.length, left);
    const ly = labelY(m, [valueOn(points, m.date), trend ? valueOn(trend, m.date) : null], y);
    return `<g class="milestone" data-date="${e(m.date)}"><path d="M${f1(mx)} ${f1(my - 6)}l6 6l-6 6l-6 -6z" fill="none" stroke="${EXPECTED}" stroke-width="2"/><text x="${f1(at.x)}" y="${f1(ly)}" text-anchor="${at.anchor}" font-weight="600" fill="${EXPECTED}" stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${e(label)}</text></g>`;
  });
  const dots = points.map(
    (p) =>
      `<circle class="point ${p.status}" data-as-of="${e(p.as_of)}" cx="${f1(X(p.as_of))}" cy="${f1(y(p.actual))}" r="4.5" fill="${STATUS_COLOUR[p.status]}" stroke="#fff" stroke-width="1.5"><title>${formatDate(p.as_of, lang)}: ${formatCount(p.actual, lang)} · ${e(t.expected)} ${formatCount(p.expected, lang)} · ${e(t[p.status])}</title></circle>`,
  );
  const now = X(input.as_of);
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-${e(input.id)}" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">
<title id="chart-${e(input.id)}">${e(input.title)}</title>
<g font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${FONT}" fill="${INK}">
${grid.join('\n')}
${yearLabels.join('\n')}
<line class="as-of" x1="${f1(now)}" x2="${f1(now)}" y1="${PAD.top - 6}" y2="${H - PAD.bottom}" stroke="#9aa5b1" stroke-dasharray="3 3"/>
${expected}
${projection}
${actual}
${dots.join('\n')}
${milestones.join('\n')}
</g></svg>`;
}

/** Expected against actual over a series (no plan milestones): kept for callers of the older chart. */
export function trajectoryChart(
  title: string,
  points: readonly ChartPoint[],
  _labels: { actual: string; expected: string },
  lang: Lang = 'vi',
): string {
  const last = points.at(-1);
  if (!last) return '';
  return targetChart(
    {
      id: title.replace(/[^a-z0-9-]/gi, '-'),
      title,
      as_of: last.as_of,
      baseline: null,
      milestones: [],
      projection: null,
      points: points.map((p) => ({ ...p, status: 'not_started' as const })),
    },
    lang,
  );
}
