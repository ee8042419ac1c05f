import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTarget } from '../../src/alerts/evaluate.js';
import { targetHistory } from '../../src/alerts/index.js';
import { listPublished } from '../../src/snapshot/catalog.js';
import { LocalStore } from '../../src/store/localStore.js';
import { targetSchema } from '../../src/targets/schema.js';
import { publishFake } from '../support/fakeSnapshot.js';
import { tempDir } from '../support/pipelineContext.js';

const target = targetSchema.parse({
  id: 'growth',
  title: 'Tăng trưởng',
  source: { plan: 'Kế hoạch thử', number: '1', date: '2024-06-01' },
  territory: { province: '38' },
  metric: 'dte_active',
  start: '2024-06-01',
  points: [
    { date: '2025-12-31', value: 200 },
    { date: '2030-12-31', value: 300 },
  ],
});

// Two years of snapshots, one before the plan's start; 2025 falls behind, then catches up.
const series: Array<[string, number]> = [
  ['2024-03-31', 90],
  ['2024-06-30', 100],
  ['2024-12-31', 130],
  ['2025-06-30', 135],
  ['2025-09-30', 140],
  ['2025-12-31', 198],
  ['2026-06-30', 215],
];

describe('a target at every published date', () => {
  it('has one point per snapshot from the baseline on, equal to evaluating the target on that date', async () => {
    const store = new LocalStore(path.join(await tempDir('dte-history-'), 'store'));
    for (const [asOf, dte] of series) await publishFake(store, asOf, dte);
    const published = await listPublished(store);
    const history = await targetHistory(store, published, target, '2026-06-30');
    expect(history.baseline).toEqual({ date: '2024-06-30', value: 100 });
    expect(history.milestones).toEqual(target.points);
    expect(history.points.map((p) => p.as_of)).toEqual(series.slice(1).map(([d]) => d));
    for (const point of history.points) {
      const evaluation = await evaluateTarget(store, published, target, point.as_of);
      expect(point.actual).toBe(evaluation.actual);
      expect(point.status).toBe(evaluation.status);
      expect(Math.round((point.expected ?? 0) * 100) / 100).toBe(evaluation.expected);
    }
    // 2024-12-31: 130 against about 133.5 expected, beyond the 2 % tolerance.
    expect(history.points.map((p) => p.status)).toEqual([
      'on_track',
      'behind',
      'critical',
      'critical',
      'on_track',
      'on_track',
    ]);
  });

  it('stops at the date asked for and knows nothing of later snapshots', async () => {
    const store = new LocalStore(path.join(await tempDir('dte-history-'), 'store'));
    for (const [asOf, dte] of series) await publishFake(store, asOf, dte);
    const history = await targetHistory(store, await listPublished(store), target, '2025-06-30');
    expect(history.points.map((p) => p.as_of)).toEqual(['2024-06-30', '2024-12-31', '2025-06-30']);
  });
});
