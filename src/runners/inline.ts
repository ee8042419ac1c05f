import type { PipelineContext } from '../context/context.js';
import type { Held } from '../snapshot/manifest.js';
import { type AfterPublishOutcome, afterPublish } from '../stages/afterPublish.js';
import { aggregateRun } from '../stages/aggregate.js';
import { classifyPartition } from '../stages/classify.js';
import { decideRun } from '../stages/decide.js';
import { ingestFeed } from '../stages/ingest.js';
import { publishRun } from '../stages/publish.js';
import type { ClassifyResult, IngestResult, PublishResult, RunPlan } from '../stages/results.js';
import { classifyResultSchema } from '../stages/results.js';
import { reportRunFailed } from '../stages/runFailed.js';
import { selectFeeds } from '../stages/selectFeeds.js';
import { THREADS_AFTER_ROWS, threadCount, threadSpecOf } from '../stages/threads/spec.js';
import { ThreadPool } from '../threads/pool.js';
import { collectGarbage } from './gc.js';
import { inlineDeliveries } from './inlineDeliveries.js';
import { DateLease, type LeaseOptions } from './lease.js';

export interface InlineRunOptions {
  asOf: string;
  /** Feed ids to run; empty or absent means every enabled feed. */
  feeds?: string[];
  /** The date lease's timing (tests shorten it). */
  lease?: LeaseOptions;
}

export type InlineRunOutcome =
  | { status: 'published'; plan: RunPlan; publish: PublishResult; after_publish: AfterPublishOutcome }
  | { status: 'held'; plan: RunPlan; held: Held; after_publish: AfterPublishOutcome }
  | { status: 'already_published'; plan: RunPlan; after_publish: AfterPublishOutcome }
  | { status: 'unchanged'; plan: RunPlan; ingests: IngestResult[] };

/**
 * The whole pipeline in this process, stage after stage, with the same handlers the BullMQ workers
 * call, then the same after-publish sequence. A failing stage throws: nothing after it runs, so
 * nothing of the run is published.
 */
export async function runInline(ctx: PipelineContext, options: InlineRunOptions): Promise<InlineRunOutcome> {
  // Refused before it starts (same date running, or an earlier one): nothing is sent, nothing written.
  const lease = await DateLease.acquire(ctx, options.asOf, options.lease);
  // An inline run has no retries of its own: each invocation is one run, told to ops once if it fails.
  const run = `inline ${options.asOf} ${new Date().toISOString()}`;
  try {
    // Holding the date's lease, nothing else writes this date's work: what is there was left by a dead run.
    await collectGarbage(ctx, { asOf: options.asOf, minAgeMs: 0 });
    return await runStages(ctx, options);
  } catch (error) {
    await reportRunFailed(ctx, { as_of: options.asOf, run, stage: 'inline' }, error);
    throw error;
  } finally {
    await lease.release();
  }
}

async function runStages(ctx: PipelineContext, options: InlineRunOptions): Promise<InlineRunOutcome> {
  const feeds = selectFeeds(ctx.config.feeds, options.feeds);
  const ingests: IngestResult[] = [];
  for (const feed of feeds) ingests.push(await ingestFeed(ctx, { as_of: options.asOf, feed_id: feed.id }));
  const decision = await decideRun(ctx, options.asOf, ingests);
  const { plan } = decision;
  if (decision.action === 'unchanged') return { status: 'unchanged', plan, ingests };
  if (decision.action !== 'run') {
    const after_publish = await afterPublish(ctx, plan.as_of, inlineDeliveries, plan.run_id);
    return decision.action === 'held'
      ? { status: 'held', plan, held: decision.held, after_publish }
      : { status: 'already_published', plan, after_publish };
  }
  const classified = await classifyAll(ctx, plan);
  const aggregate = await aggregateRun(ctx, { plan }, classified);
  const publish = await publishRun(ctx, { plan }, aggregate);
  const after = await afterPublish(ctx, plan.as_of, inlineDeliveries, plan.run_id);
  if (publish.held) return { status: 'held', plan, held: publish.held, after_publish: after };
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
