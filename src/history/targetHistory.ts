import { targetHistory } from '../alerts/index.js';
import type { PipelineContext } from '../context/context.js';
import { csvLine } from '../csv/index.js';
import type { ColumnDef } from '../dictionary/index.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import { loadTargets, targetsPath } from '../targets/load.js';
import { territoryOf } from '../targets/schema.js';
import { gapPct } from '../trajectory/index.js';
import { targetHistoryColumns } from './columns.js';

/** Two decimals, as a number: a negative gap written as text would be guarded as a formula. */
function fixed(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/**
 * Every target at every published date of its plan (from its baseline on), with the rules the alerts
 * and the page use (`targetHistory`): targets in the targets file's order, each oldest first.
 */
export async function targetsHistory(
  ctx: PipelineContext,
  published: readonly SnapshotPointer[],
): Promise<{ columns: ColumnDef[]; lines: string[] }> {
  const asOf = published.at(-1)?.as_of ?? '';
  const { targets } = loadTargets(targetsPath(ctx.config.targets, ctx.baseDir));
  const perTarget: string[][] = [];
  for (const target of targets) {
    const history = await targetHistory(ctx.store, published, target, asOf);
    const { kind, code } = territoryOf(target);
    const lines = history.points.map((p) =>
      csvLine([
        p.as_of,
        target.id,
        kind,
        code,
        target.metric,
        fixed(p.actual),
        fixed(p.expected),
        fixed(p.expected === null ? null : p.actual - p.expected),
        fixed(gapPct(p.actual, p.expected)),
        p.status,
      ]),
    );
    perTarget.push(lines);
  }
  return { columns: targetHistoryColumns(), lines: perTarget.flat() };
}
