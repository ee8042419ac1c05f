import type { PipelineContext } from '../context/context.js';
import { type AfterPublishOutcome, afterPublish } from '../stages/afterPublish.js';
import { aggregateRun } from '../stages/aggregate.js';
import { classifyPartition } from '../stages/classify.js';
import { decidePublished, decideRun } from '../stages/decide.js';
import { type FetchedFeed, fetchFeed, parseFeed } from '../stages/ingest.js';
import { publishRun } from '../stages/publish.js';
import type { ClassifyResult, IngestResult, PublishResult, RunPlan } from '../stages/results.js';
import { classifyResultSchema } from '../stages/results.js';
import { selectFeeds } from '../stages/selectFeeds.js';
import { THREADS_AFTER_ROWS, threadCount, threadSpecOf } from '../stages/threads/spec.js';
import { ThreadPool } from '../threads/pool.js';
import { inlineDeliveries } from './inlineDeliveries.js';

export interface InlineRunOptions {
  asOf: string;
  /** Feed ids to run; empty or absent means every enabled feed. */
  feeds?: string[];
}

export type InlineRunOutcome =
  | { status: 'published'; plan: RunPlan; publish: PublishResult; after_publish: AfterPublishOutcome }
  | { status: 'already_published'; plan: RunPlan; after_publish: AfterPublishOutcome }
  | { status: 'unchanged'; plan: RunPlan; ingests: IngestResult[] };

/**
 * The whole pipeline in this process, stage after stage, with the same handlers the BullMQ workers
 * call, then the same after-publish sequence. A failing stage throws: nothing after it runs, so
 * nothing of the run is published.
 */
export async function runInline(ctx: PipelineContext, options: InlineRunOptions): Promise<InlineRunOutcome> {
  const feeds = selectFeeds(ctx.config.feeds, options.feeds);
  const fetched: FetchedFeed[] = [];
  for (const feed of feeds) fetched.push(await fetchFeed(ctx, { as_of: options.asOf, feed_id: feed.id }));
  const published = await decidePublished(ctx, options.asOf, fetched);
  if (published)
    return {
      status: 'already_published',
      plan: published,
      after_publish: await afterPublish(ctx, published.as_of, inlineDeliveries),
    };
  const ingests: IngestResult[] = [];
  for (const feed of fetched) ingests.push(await parseFeed(ctx, feed));
  const decision = await decideRun(ctx, options.asOf, ingests);
  const { plan } = decision;
  if (decision.action === 'unchanged') return { status: 'unchanged', plan, ingests };
  if (decision.action === 'already_published')
    return {
      status: 'already_published',
      plan,
      after_publish: await afterPublish(ctx, plan.as_of, inlineDeliveries),
    };
  const classified = await classifyAll(ctx, plan);
  const aggregate = await aggregateRun(ctx, { plan }, classified);
  const publish = await publishRun(ctx, { plan }, aggregate);
  const after = await afterPublish(ctx, plan.as_of, inlineDeliveries);
  return { status: 'published', plan, publish, after_publish: after };
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
