import { aggregateRun } from '../pipeline/aggregate.js';
import { classifyPartition } from '../pipeline/classify.js';
import type { PipelineContext } from '../pipeline/context.js';
import { decideRun } from '../pipeline/decide.js';
import { ingestFeed } from '../pipeline/ingest.js';
import { publishRun } from '../pipeline/publish.js';
import type { ClassifyResult, IngestResult, PublishResult, RunPlan } from '../pipeline/results.js';
import { classifyResultSchema } from '../pipeline/results.js';
import { selectFeeds } from '../pipeline/selectFeeds.js';
import { ThreadPool } from '../threads/pool.js';
import { THREADS_AFTER_ROWS, threadCount, threadSpecOf } from '../threads/spec.js';

export interface InlineRunOptions {
  asOf: string;
  /** Feed ids to run; empty or absent means every enabled feed. */
  feeds?: string[];
}

export type InlineRunOutcome =
  | { status: 'published'; plan: RunPlan; publish: PublishResult }
  | { status: 'already_published'; plan: RunPlan }
  | { status: 'unchanged'; plan: RunPlan; ingests: IngestResult[] };

/**
 * The whole pipeline in this process, stage after stage, with the same handlers the BullMQ workers
 * call. A failing stage throws: nothing after it runs, so nothing of the run is published.
 */
export async function runInline(ctx: PipelineContext, options: InlineRunOptions): Promise<InlineRunOutcome> {
  const feeds = selectFeeds(ctx.config.feeds, options.feeds);
  const ingests: IngestResult[] = [];
  for (const feed of feeds) ingests.push(await ingestFeed(ctx, { as_of: options.asOf, feed_id: feed.id }));
  const decision = await decideRun(ctx, options.asOf, ingests);
  const { plan } = decision;
  if (decision.action === 'already_published') return { status: 'already_published', plan };
  if (decision.action === 'unchanged') return { status: 'unchanged', plan, ingests };
  const classified = await classifyAll(ctx, plan);
  const aggregate = await aggregateRun(ctx, { plan }, classified);
  const publish = await publishRun(ctx, { plan }, aggregate);
  return { status: 'published', plan, publish };
}

/**
 * Every partition, in threads when the run is large and the store can be shared with them (results
 * in partition order, whichever thread finished first), else one after the other in this thread.
 */
async function classifyAll(ctx: PipelineContext, plan: RunPlan): Promise<ClassifyResult[]> {
  const partitions = Array.from({ length: plan.partitions }, (_, partition) => partition);
  const spec = rowsOf(plan) > THREADS_AFTER_ROWS ? threadSpecOf(ctx) : null;
  const pool =
    spec && ThreadPool.open('classifyThread', spec, Math.min(threadCount(ctx.threads), plan.partitions));
  if (!pool) {
    const results: ClassifyResult[] = [];
    for (const partition of partitions) results.push(await classifyPartition(ctx, { plan, partition }));
    return results;
  }
  try {
    const results = partitions.map((partition) => pool.run({ plan, partition }));
    return (await Promise.all(results)).map((result) => classifyResultSchema.parse(result));
  } finally {
    await pool.close();
  }
}

function rowsOf(plan: RunPlan): number {
  return plan.feeds.reduce((sum, feed) => sum + feed.valid, 0);
}
