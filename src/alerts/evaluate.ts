import type { SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';
import { type Target, territoryOf } from '../targets/schema.js';
import {
  dayOf,
  expectedAt,
  gapPct,
  type Point,
  type Projection,
  project,
  type Status,
  statusOf,
} from '../trajectory/index.js';
import { type MetricValue, metricIn } from './metrics.js';

export interface Evaluation {
  target_id: string;
  title: string;
  source: Target['source'];
  territory: Target['territory'];
  territory_name: string;
  metric: Target['metric'];
  as_of: string;
  actual: number | null;
  expected: number | null;
  gap_pct: number | null;
  status: Status | 'no_data';
  coverage_pct: number | null;
  baseline: Point | null;
  projection: Projection | null;
  /** Metric and expectation at every snapshot used, oldest first (the page's chart). */
  series: Array<{ as_of: string; actual: number; expected: number | null }>;
}

/**
 * Evaluates one target on the snapshot of `asOf`, reading only what the rules need: the baseline
 * snapshot (first on or after the plan's start, unless the target gives one) and the trailing year.
 */
export async function evaluateTarget(
  store: ObjectStore,
  published: readonly SnapshotPointer[],
  target: Target,
  asOf: string,
): Promise<Evaluation> {
  const upTo = published.filter((p) => p.as_of <= asOf);
  const current = upTo.at(-1);
  const base: Evaluation = {
    target_id: target.id,
    title: target.title,
    source: target.source,
    territory: target.territory,
    territory_name: territoryOf(target).code,
    metric: target.metric,
    as_of: asOf,
    actual: null,
    expected: null,
    gap_pct: null,
    status: 'no_data',
    coverage_pct: null,
    baseline: target.baseline ?? null,
    projection: null,
    series: [],
  };
  if (!current || current.as_of !== asOf) return base;
  const values = new Map<string, MetricValue>();
  const read = async (p: SnapshotPointer) => {
    if (!values.has(p.as_of)) {
      const v = await metricIn(store, p, target);
      if (v) values.set(p.as_of, v);
    }
    return values.get(p.as_of) ?? null;
  };
  let baseline = target.baseline ?? null;
  if (!baseline) {
    for (const p of upTo.filter((x) => x.as_of >= target.start)) {
      const v = await read(p);
      if (v) {
        baseline = { date: v.as_of, value: v.value };
        break;
      }
    }
  }
  const now = await read(current);
  if (!now) return base;
  for (const p of upTo.filter((x) => dayOf(asOf) - dayOf(x.as_of) <= 365)) await read(p);
  const expectedOf = (date: string) => (baseline ? expectedAt(baseline, target.points, date) : null);
  const expected = expectedOf(asOf);
  const series = [...values.values()].sort((a, b) => a.as_of.localeCompare(b.as_of));
  return {
    ...base,
    territory_name: now.name,
    actual: now.value,
    expected: expected === null ? null : Math.round(expected * 100) / 100,
    gap_pct: gapPct(now.value, expected),
    status: statusOf(now.value, expected, target.tolerance_pct, target.critical_pct),
    coverage_pct: now.coverage_pct,
    baseline,
    projection: project(
      series.map((v) => ({ date: v.as_of, value: v.value })),
      target.points,
      asOf,
    ),
    series: series.map((v) => ({ as_of: v.as_of, actual: v.value, expected: expectedOf(v.as_of) })),
  };
}
