import { formatCount, formatDate, type Lang } from '../format/index.js';
import { dayOf, isoOf, type Point, statusOf } from '../trajectory/index.js';

export interface ChartInput {
  title: string;
  lang: Lang;
  as_of: string;
  baseline: Point | null;
  /** The plan's points (milestones), oldest first. */
  milestones: readonly Point[];
  /** The metric at every snapshot evaluated, oldest first. */
  history: ReadonlyArray<{ as_of: string; actual: number; expected: number | null }>;
  projection: { next: Point; projected_value_next: number } | null;
  tolerance_pct: number;
  critical_pct: number;
}

const W = 640;
const H = 340;
const PAD = { left: 56, right: 24, top: 40, bottom: 64 };
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
export const STATUS_COLOUR: Record<string, string> = {
  on_track: '#2e7d32',
  behind: '#ef8f00',
  critical: '#c62828',
  not_started: '#757575',
};

const esc = (v: string) =>
  v.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const f1 = (v: number) => v.toFixed(1);

/** A round step for about five gridlines up to `max`. */
function niceStep(max: number): number {
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

/** The milestones drawn: those up to and including the next one after the as-of date. */
function shownMilestones(input: ChartInput): Point[] {
  const next = input.milestones.findIndex((m) => m.date > input.as_of);
  return next === -1 ? [...input.milestones] : input.milestones.slice(0, next + 1);
}

/**
 * The target's chart for an email (and any PNG): expected trajectory, actual snapshots coloured by
 * status, labelled milestones and the projection to the next one. Pure: the same input gives the same bytes.
 */
export function targetChartSvg(input: ChartInput): string {
  const milestones = shownMilestones(input);
  const dates = [
    ...input.history.map((h) => h.as_of),
    ...milestones.map((m) => m.date),
    ...(input.baseline ? [input.baseline.date] : []),
    input.as_of,
  ];
  const d0 = Math.min(...dates.map(dayOf));
  const d1 = Math.max(...dates.map(dayOf), d0 + 1);
  const values = [
    ...input.history.map((h) => h.actual),
    ...milestones.map((m) => m.value),
    input.baseline?.value ?? 0,
    input.projection?.projected_value_next ?? 0,
  ];
  const step = niceStep(Math.max(...values, 1) * 1.05);
  const vMax = Math.ceil((Math.max(...values, 1) * 1.05) / step) * step;
  const x = (iso: string) => PAD.left + ((dayOf(iso) - d0) / (d1 - d0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / vMax) * (H - PAD.top - PAD.bottom);
  const text = (tx: number, ty: number, s: string, anchor = 'middle', extra = '') =>
    `<text x="${f1(tx)}" y="${f1(ty)}" font-family="${FONT}" font-size="13" fill="#333" text-anchor="${anchor}"${extra}>${esc(s)}</text>`;
  const out: string[] = [];
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(
    text(
      PAD.left,
      22,
      input.title.length > 72 ? `${input.title.slice(0, 71)}…` : input.title,
      'start',
      ' font-weight="bold"',
    ),
  );
  for (let v = 0; v <= vMax; v += step) {
    out.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${f1(y(v))}" y2="${f1(y(v))}" stroke="#e0e0e0" stroke-width="1"/>`,
    );
    out.push(text(PAD.left - 6, y(v) + 4, formatCount(v, input.lang), 'end'));
  }
  const y0 = Number(isoOf(d0).slice(0, 4));
  const y1 = Number(isoOf(d1).slice(0, 4));
  const every = Math.max(1, Math.ceil((y1 - y0 + 1) / 8));
  for (let year = y0 + 1; year <= y1; year += every) {
    const at = `${year}-01-01`;
    out.push(
      `<line x1="${f1(x(at))}" x2="${f1(x(at))}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom + 5}" stroke="#999"/>`,
    );
    out.push(text(x(at), H - PAD.bottom + 20, String(year)));
  }
  out.push(
    `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}" stroke="#999"/>`,
  );
  if (input.baseline) {
    const path = [input.baseline, ...milestones.filter((m) => m.date > input.baseline!.date)];
    out.push(
      `<polyline points="${path.map((p) => `${f1(x(p.date))},${f1(y(p.value))}`).join(' ')}" fill="none" stroke="#1565c0" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  }
  for (const m of milestones) {
    const mx = x(m.date);
    const my = y(m.value);
    out.push(
      `<path d="M${f1(mx)},${f1(my - 6)} L${f1(mx + 6)},${f1(my)} L${f1(mx)},${f1(my + 6)} L${f1(mx - 6)},${f1(my)} Z" fill="#1565c0"/>`,
    );
    out.push(
      text(
        mx - 8,
        my - 10,
        `${m.date.slice(0, 4)}: ${formatCount(m.value, input.lang)}`,
        'end',
        ' class="milestone"',
      ),
    );
  }
  const last = input.history.at(-1);
  if (input.projection && last) {
    const p = input.projection;
    out.push(
      `<line x1="${f1(x(last.as_of))}" y1="${f1(y(last.actual))}" x2="${f1(x(p.next.date))}" y2="${f1(y(p.projected_value_next))}" stroke="#6a1b9a" stroke-width="2" stroke-dasharray="2 4"/>`,
    );
  }
  if (input.history.length > 1)
    out.push(
      `<polyline points="${input.history.map((h) => `${f1(x(h.as_of))},${f1(y(h.actual))}`).join(' ')}" fill="none" stroke="#424242" stroke-width="2"/>`,
    );
  for (const h of input.history) {
    const status = statusOf(h.actual, h.expected, input.tolerance_pct, input.critical_pct);
    out.push(
      `<circle cx="${f1(x(h.as_of))}" cy="${f1(y(h.actual))}" r="4" fill="${STATUS_COLOUR[status] ?? '#757575'}" class="actual"/>`,
    );
  }
  if (last)
    out.push(
      text(
        x(last.as_of) - 8,
        y(last.actual) - 10,
        `${formatDate(last.as_of, input.lang)}: ${formatCount(last.actual, input.lang)}`,
        'end',
      ),
    );
  out.push(legend(input.lang, text));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">\n${out.join('\n')}\n</svg>\n`;
}

const LEGEND: Record<Lang, [string, string, string, string]> = {
  vi: ['Thực tế', 'Kỳ vọng', 'Dự báo', 'Mốc kế hoạch'],
  en: ['Actual', 'Expected', 'Projection', 'Plan milestone'],
};

/** One line under the axis naming each mark, so that the PNG reads without the email around it. */
function legend(lang: Lang, text: (x: number, y: number, s: string, anchor?: string) => string): string {
  const [actual, expected, projection, milestone] = LEGEND[lang];
  const ly = H - 14;
  const x0 = PAD.left;
  return [
    `<line x1="${x0}" x2="${x0 + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="#424242" stroke-width="2"/>`,
    `<circle cx="${x0 + 12}" cy="${ly - 4}" r="4" fill="#2e7d32"/>`,
    text(x0 + 30, ly, actual, 'start'),
    `<line x1="${x0 + 130}" x2="${x0 + 154}" y1="${ly - 4}" y2="${ly - 4}" stroke="#1565c0" stroke-width="2" stroke-dasharray="6 4"/>`,
    text(x0 + 160, ly, expected, 'start'),
    `<line x1="${x0 + 260}" x2="${x0 + 284}" y1="${ly - 4}" y2="${ly - 4}" stroke="#6a1b9a" stroke-width="2" stroke-dasharray="2 4"/>`,
    text(x0 + 290, ly, projection, 'start'),
    `<path d="M${x0 + 396},${ly - 10} L${x0 + 402},${ly - 4} L${x0 + 396},${ly + 2} L${x0 + 390},${ly - 4} Z" fill="#1565c0"/>`,
    text(x0 + 410, ly, milestone, 'start'),
  ].join('\n');
}
