import { aggregateRun } from '../pipeline/aggregate.js';
import { classifyPartition } from '../pipeline/classify.js';
import type { PipelineContext } from '../pipeline/context.js';
import { ingestFeed } from '../pipeline/ingest.js';
import { planRun } from '../pipeline/plan.js';
import { publishRun } from '../pipeline/publish.js';
import type { ClassifyResult, IngestResult, PublishResult, RunPlan } from '../pipeline/results.js';
import { selectFeeds } from '../pipeline/selectFeeds.js';
import { readCurrent, readManifest } from '../snapshot/catalog.js';

export interface InlineRunOptions {
  asOf: string;
  /** Feed ids to run; empty or absent means every enabled feed. */
  feeds?: string[];
}

export type InlineRunOutcome =
  | { status: 'published'; plan: RunPlan; publish: PublishResult }
  | { status: 'already_published'; plan: RunPlan }
  | { status: 'unchanged'; ingests: IngestResult[] };

/**
 * The whole pipeline in this process, stage after stage, with the same handlers the BullMQ workers
 * call. A failing stage throws: nothing after it runs, so nothing of the run is published.
 */
export async function runInline(ctx: PipelineContext, options: InlineRunOptions): Promise<InlineRunOutcome> {
  const feeds = selectFeeds(ctx.config.feeds, options.feeds);
  const ingests: IngestResult[] = [];
  for (const feed of feeds) ingests.push(await ingestFeed(ctx, { as_of: options.asOf, feed_id: feed.id }));
  const plan = await planRun(ctx, options.asOf, ingests);
  if (await isPublished(ctx, plan)) {
    ctx.logger.info({ asOf: plan.as_of, runId: plan.run_id }, 'this run is already published: same inputs, same files');
    return { status: 'already_published', plan };
  }
  if (ingests.every((i) => i.fetch_status === 'unchanged') && (await readCurrent(ctx.store, options.asOf)) === null) {
    // Nothing new arrived since the last fetch: a snapshot of old bytes under a new date would mislead.
    ctx.logger.info({ asOf: plan.as_of }, 'every feed is unchanged since its last fetch: nothing to publish');
    return { status: 'unchanged', ingests };
  }
  const classified: ClassifyResult[] = [];
  for (let partition = 0; partition < plan.partitions; partition++) {
    classified.push(await classifyPartition(ctx, { plan, partition }));
  }
  const aggregate = await aggregateRun(ctx, { plan }, classified);
  const publish = await publishRun(ctx, { plan }, aggregate);
  return { status: 'published', plan, publish };
}

export async function isPublished(ctx: PipelineContext, plan: RunPlan): Promise<boolean> {
  const current = await readCurrent(ctx.store, plan.as_of);
  if (current?.run_id !== plan.run_id) return false;
  return (await readManifest(ctx.store, current)) !== null;
}

