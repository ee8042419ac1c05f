import { escapeHtml } from './html.js';

export interface ChartPoint {
  as_of: string;
  actual: number;
  expected: number | null;
}

const W = 640;
const H = 260;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };

/** Expected against actual over time, as an inline SVG that scales with its container. */
export function trajectoryChart(
  title: string,
  points: readonly ChartPoint[],
  labels: { actual: string; expected: string },
): string {
  if (points.length === 0) return '';
  const times = points.map((p) => Date.parse(`${p.as_of}T00:00:00Z`));
  const values = points.flatMap((p) => [p.actual, p.expected ?? p.actual]);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 1);
  const vMax = Math.max(...values, 1) * 1.1;
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / vMax) * (H - PAD.top - PAD.bottom);
  const line = (vals: Array<number | null>) =>
    vals
      .map((v, i) => (v === null ? null : `${x(times[i]!).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = Math.round(vMax * f);
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`;
  });
  const dates = [0, Math.floor((points.length - 1) / 2), points.length - 1]
    .filter((i, k, all) => all.indexOf(i) === k)
    .map(
      (i) =>
        `<text x="${x(times[i]!)}" y="${H - PAD.bottom + 18}" text-anchor="middle">${points[i]!.as_of}</text>`,
    );
  const dots = points.map(
    (p, i) =>
      `<circle cx="${x(times[i]!).toFixed(1)}" cy="${y(p.actual).toFixed(1)}" r="3" class="actual-dot"/>`,
  );
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="t-${escapeHtml(title)}" preserveAspectRatio="xMidYMid meet">
<title id="t-${escapeHtml(title)}">${escapeHtml(title)}</title>
${ticks.join('\n')}
${dates.join('\n')}
<polyline points="${line(points.map((p) => p.expected))}" class="expected"/>
<polyline points="${line(points.map((p) => p.actual))}" class="actual"/>
${dots.join('\n')}
<g class="legend"><rect x="${PAD.left + 8}" y="${PAD.top}" width="12" height="3" class="actual-key"/><text x="${PAD.left + 26}" y="${PAD.top + 5}">${escapeHtml(labels.actual)}</text>
<rect x="${PAD.left + 140}" y="${PAD.top}" width="12" height="3" class="expected-key"/><text x="${PAD.left + 158}" y="${PAD.top + 5}">${escapeHtml(labels.expected)}</text></g>
</svg>`;
}
