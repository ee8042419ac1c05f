import type { PipelineContext } from '../context/context.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { Target } from '../targets/schema.js';
import { expectedAt, type Point, type Status, statusOf } from '../trajectory/index.js';
import { mapTargets } from './eachTarget.js';
import { metricIn } from './metrics.js';

/** The target as evaluated on one published date: what the chart draws at that date. */
export interface HistoryPoint {
  as_of: string;
  actual: number;
  /** Unrounded plan expectation; null before the baseline. */
  expected: number | null;
  status: Status;
}

/** Everything a target's chart needs besides the evaluation of the page's date. */
export interface TargetHistory {
  target_id: string;
  baseline: Point | null;
  /** The plan's milestones (`points` of the target), in date order. */
  milestones: Point[];
  /** One point per published snapshot from the baseline up to the as-of date, oldest first. */
  points: HistoryPoint[];
}

/**
 * The target evaluated at every published date up to `asOf`, with the rules of `evaluateTarget`:
 * the baseline is the target's own or the first snapshot on or after the plan's start, and a date
 * before the baseline is not part of the plan's history.
 */
export async function targetHistory(
  store: ObjectStore,
  published: readonly SnapshotPointer[],
  target: Target,
  asOf: string,
): Promise<TargetHistory> {
  const values: Array<{ as_of: string; value: number }> = [];
  for (const p of published.filter((x) => x.as_of <= asOf && x.as_of >= target.start)) {
    const v = await metricIn(store, p, target);
    if (v) values.push({ as_of: v.as_of, value: v.value });
  }
  const first = values[0];
  const baseline = target.baseline ?? (first ? { date: first.as_of, value: first.value } : null);
  const points = values
    .filter((v) => baseline !== null && v.as_of >= baseline.date)
    .map((v) => {
      const expected = baseline ? expectedAt(baseline, target.points, v.as_of) : null;
      return {
        as_of: v.as_of,
        actual: v.value,
        expected,
        status: statusOf(v.value, expected, target.tolerance_pct, target.critical_pct),
      };
    });
  return { target_id: target.id, baseline, milestones: [...target.points], points };
}

/** Every target's history up to `asOf`, in the targets file's order (as `evaluateTargets`). */
export async function targetHistories(ctx: PipelineContext, asOf: string): Promise<TargetHistory[]> {
  return mapTargets(ctx, (target, published) => targetHistory(ctx.store, published, target, asOf));
}
