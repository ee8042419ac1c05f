import { dayOf } from './days.js';

export interface Point {
  date: string;
  value: number;
}

/**
 * The plan's expectation on a date: piecewise linear through the baseline and the points, flat after
 * the last point, and none (null) before the baseline, when the plan had not started yet.
 */
export function expectedAt(baseline: Point, points: readonly Point[], date: string): number | null {
  if (date < baseline.date) return null;
  const path = [baseline, ...points.filter((p) => p.date > baseline.date)];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    if (date <= b.date) {
      const t = (dayOf(date) - dayOf(a.date)) / (dayOf(b.date) - dayOf(a.date));
      return a.value + t * (b.value - a.value);
    }
  }
  return path[path.length - 1]!.value;
}

/** `100 × (actual − expected) / expected`, two decimals; null when nothing was expected. */
export function gapPct(actual: number, expected: number | null): number | null {
  if (expected === null || expected === 0) return null;
  return Math.round((10000 * (actual - expected)) / expected) / 100;
}

export type Status = 'on_track' | 'behind' | 'critical' | 'not_started';

export function statusOf(
  actual: number,
  expected: number | null,
  tolerancePct: number,
  criticalPct: number,
): Status {
  if (expected === null) return 'not_started';
  if (actual >= expected * (1 - tolerancePct / 100)) return 'on_track';
  if (actual >= expected * (1 - criticalPct / 100)) return 'behind';
  return 'critical';
}
