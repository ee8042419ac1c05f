import type { Config } from '../config/schema.js';
import type { PipelineContext } from '../context/context.js';
import { provincesJsonSchema } from '../indicators/schema.js';
import { readJsonObject } from '../snapshot/catalog.js';
import { snapshotFiles } from '../snapshot/layout.js';
import type { HeldReason, ManifestInput } from '../snapshot/manifest.js';
import type { RunPlan } from './results.js';

/** What the publish gates look at: the run's row counts and its active enterprises against the previous snapshot's. */
export interface GateFigures {
  rows_read: number;
  accepted: number;
  rejected: number;
  active: number;
  /** Null when there is no previous snapshot to compare with. */
  previous_active: number | null;
}

/** The gates a snapshot fails, none when it may become latest (pure: the figures decide). */
export function failedGates(figures: GateFigures, gates: Config['gates']): HeldReason[] {
  const reasons: HeldReason[] = [];
  if (figures.accepted === 0)
    reasons.push({
      gate: 'no_accepted_rows',
      value: 0,
      limit: 0,
      detail: `0 rows accepted of ${figures.rows_read} read`,
    });
  const rejectPct = figures.rows_read > 0 ? (100 * figures.rejected) / figures.rows_read : 0;
  if (rejectPct > gates.max_reject_pct)
    reasons.push({
      gate: 'reject_rate',
      value: round(rejectPct),
      limit: gates.max_reject_pct,
      detail: `${figures.rejected} of ${figures.rows_read} rows rejected (${round(rejectPct)} % > ${gates.max_reject_pct} %)`,
    });
  const before = figures.previous_active;
  const dropPct = before ? (100 * (before - figures.active)) / before : 0;
  if (before !== null && dropPct > gates.max_drop_pct)
    reasons.push({
      gate: 'active_drop',
      value: round(dropPct),
      limit: gates.max_drop_pct,
      detail: `active enterprises fell from ${before} to ${figures.active} (−${round(dropPct)} % > ${gates.max_drop_pct} %)`,
    });
  return reasons;
}

/** Reads the figures of a run about to be published (its `provinces.json` is written already). */
export async function gateFigures(
  ctx: PipelineContext,
  plan: RunPlan,
  inputs: ManifestInput[],
  prefix: string,
): Promise<GateFigures> {
  const sum = (pick: (i: ManifestInput) => number) => inputs.reduce((s, i) => s + pick(i), 0);
  const activeOf = async (folder: string) =>
    provincesJsonSchema.parse(await readJsonObject(ctx.store, `${folder}${snapshotFiles.provincesJson}`))
      .national.enterprises_active;
  return {
    rows_read: sum((i) => i.rows_read),
    accepted: sum((i) => i.accepted),
    rejected: sum((i) => i.rejected),
    active: await activeOf(prefix),
    previous_active: plan.previous ? await activeOf(plan.previous.prefix) : null,
  };
}

function round(pct: number): number {
  return Math.round(pct * 100) / 100;
}
