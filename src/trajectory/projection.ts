import { dayOf, isoOf } from './days.js';
import type { Point } from './expected.js';

export interface Projection {
  /** The next plan point after the as-of date. */
  next: Point;
  /** The trend's value at the next point. */
  projected_value_next: number;
  /** The trend's value at every future point. */
  projected_values: Point[];
  /** When the trend reaches the next point's value; null for a flat or falling trend. */
  projected_date: string | null;
  projected_miss: boolean;
  slope_per_year: number;
}

/**
 * A least-squares line through the metric's snapshots of the trailing 365 days (at least two
 * snapshots spanning at least 60 days), carried forward to the plan's future points.
 */
export function project(series: readonly Point[], points: readonly Point[], asOf: string): Projection | null {
  const window = series.filter((p) => p.date <= asOf && dayOf(asOf) - dayOf(p.date) <= 365);
  const future = points.filter((p) => p.date > asOf);
  const next = future[0];
  if (!next || window.length < 2) return null;
  const xs = window.map((p) => dayOf(p.date));
  if (Math.max(...xs) - Math.min(...xs) < 60) return null;
  const n = xs.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = window.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  window.forEach((p, i) => {
    sxy += (xs[i]! - meanX) * (p.value - meanY);
    sxx += (xs[i]! - meanX) ** 2;
  });
  const slope = sxy / sxx;
  const at = (date: string) => round2(meanY + slope * (dayOf(date) - meanX));
  const projectedNext = at(next.date);
  let projectedDate: string | null = null;
  if (slope > 1e-12)
    projectedDate = isoOf(Math.max(dayOf(asOf), Math.ceil(meanX + (next.value - meanY) / slope)));
  return {
    next,
    projected_value_next: projectedNext,
    projected_values: future.map((p) => ({ date: p.date, value: at(p.date) })),
    projected_date: projectedDate,
    projected_miss: projectedNext < next.value,
    slope_per_year: round2(slope * 365),
  };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
