import type { PipelineContext } from '../context/context.js';
import { type AfterPublishOutcome, afterPublish } from '../stages/afterPublish.js';
import { aggregateRun } from '../stages/aggregate.js';
import { classifyPartition } from '../stages/classify.js';
import { decideRun } from '../stages/decide.js';
import { ingestFeed } from '../stages/ingest.js';
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
  const ingests: IngestResult[] = [];
  for (const feed of feeds) ingests.push(await ingestFeed(ctx, { as_of: options.asOf, feed_id: feed.id }));
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
  const aggregate = await step(ctx, 'aggregate', () => aggregateRun(ctx, { plan }, classified));
  const publish = await step(ctx, 'publish', () => publishRun(ctx, { plan }, aggregate));
  const after = await step(ctx, 'after_publish', () => afterPublish(ctx, plan.as_of, inlineDeliveries));
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
  let done = 0;
  const tick = () =>
    ctx.onProgress?.({ stage: 'classify', done: done++, total: plan.partitions, unit: 'partitions' });
  tick();
  if (!pool) {
    const results: ClassifyResult[] = [];
    for (const partition of partitions) {
      results.push(await classifyPartition(ctx, { plan, partition }));
      tick();
    }
    return results;
  }
  try {
    const results = partitions.map(async (partition) => {
      const result = await pool.run({ plan, partition });
      tick();
      return result;
    });
    return (await Promise.all(results)).map((result) => classifyResultSchema.parse(result));
  } finally {
    await pool.close();
  }
}

function rowsOf(plan: RunPlan): number {
  return plan.feeds.reduce((sum, feed) => sum + feed.valid, 0);
}

/** A run-wide stage that is one step: a tick before and after, so the terminal shows where the run is. */
async function step<T>(
  ctx: PipelineContext,
  stage: 'aggregate' | 'publish' | 'after_publish',
  body: () => Promise<T>,
): Promise<T> {
  ctx.onProgress?.({ stage, done: 0, total: 1, unit: 'steps' });
  const result = await body();
  ctx.onProgress?.({ stage, done: 1, total: 1, unit: 'steps' });
  return result;
}
