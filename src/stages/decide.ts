import type { PipelineContext } from '../context/context.js';
import { readCurrent, readManifest } from '../snapshot/catalog.js';
import { planRun } from './plan.js';
import type { IngestResult, RunPlan } from './results.js';

export type RunDecision =
  | { action: 'run'; plan: RunPlan }
  | { action: 'already_published'; plan: RunPlan }
  | { action: 'unchanged'; plan: RunPlan };

/**
 * After ingest, both runners ask the same question: is there anything to publish? The same inputs
 * as the published run of that date mean the same files (nothing to do); feeds that all answered
 * "unchanged" for a date with no snapshot yet mean old bytes, which must not pose as a new date.
 */
export async function decideRun(
  ctx: PipelineContext,
  asOf: string,
  ingests: IngestResult[],
): Promise<RunDecision> {
  const plan = await planRun(ctx, asOf, ingests);
  const current = await readCurrent(ctx.store, asOf);
  if (current?.run_id === plan.run_id && (await readManifest(ctx.store, current)) !== null) {
    ctx.logger.info({ asOf, runId: plan.run_id }, 'this run is already published: same inputs, same files');
    return { action: 'already_published', plan };
  }
  if (ingests.length > 0 && ingests.every((i) => i.fetch_status === 'unchanged') && current === null) {
    ctx.logger.info({ asOf }, 'every feed is unchanged since its last fetch: nothing to publish');
    return { action: 'unchanged', plan };
  }
  return { action: 'run', plan };
}
