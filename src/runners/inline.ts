import type { FeedConfig } from '../config/schema.js';
import type { PipelineContext } from '../context/context.js';
import type { RunTrigger } from '../runs/record.js';
import { RunRecorder } from '../runs/recorder.js';
import { rowsRead } from '../runs/status.js';
import type { Held } from '../snapshot/manifest.js';
import { type AfterPublishOutcome, afterPublish } from '../stages/afterPublish.js';
import { aggregateRun } from '../stages/aggregate.js';
import { classifyPartition } from '../stages/classify.js';
import { decideRun } from '../stages/decide.js';
import { type FeedIngest, ingestUnlessPublished, settleIngests } from '../stages/ingestFeeds.js';
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
  /** What started the run, for its record under `runs/` (default `cli`). */
  trigger?: RunTrigger;
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
 * Its record under `runs/` is rewritten at every stage, so a crash shows where the run stopped.
 */
export async function runInline(ctx: PipelineContext, options: InlineRunOptions): Promise<InlineRunOutcome> {
  // Refused before it starts (same date running, or an earlier one): nothing is sent, nothing written.
  const lease = await DateLease.acquire(ctx, options.asOf, options.lease);
  // An inline run has no retries of its own: each invocation is one run, told to ops once if it fails.
  const run = `inline ${options.asOf} ${new Date().toISOString()}`;
  try {
    // Holding the date's lease, nothing else writes this date's work: what is there was left by a dead run.
    await collectGarbage(ctx, { asOf: options.asOf, minAgeMs: 0 });
    return await recordedRun(ctx, options);
  } catch (error) {
    await reportRunFailed(ctx, { as_of: options.asOf, run, stage: 'inline' }, error);
    throw error;
  } finally {
    await lease.release();
  }
}

/** The run under its record in `runs/`, which says where it stopped if it fails. */
async function recordedRun(ctx: PipelineContext, options: InlineRunOptions): Promise<InlineRunOutcome> {
  const feeds = selectFeeds(ctx.config.feeds, options.feeds);
  const run = await RunRecorder.start(
    ctx.store,
    {
      as_of: options.asOf,
      trigger: options.trigger ?? 'cli',
      feed_ids: feeds.map((f) => f.id),
    },
    (error) => ctx.logger.warn({ err: error, asOf: options.asOf }, 'run record not rewritten'),
  );
  try {
    const outcome = await runStages(ctx, options.asOf, feeds, run);
    await run.finish(outcome.status);
    return outcome;
  } catch (error) {
    await run.fail(error);
    throw error;
  }
}

/** The stages one after the other, each through the run's record. */
async function runStages(
  ctx: PipelineContext,
  asOf: string,
  feeds: FeedConfig[],
  run: RunRecorder,
): Promise<InlineRunOutcome> {
  const ingested = await run.stage('ingest', () => ingestAll(ctx, asOf, feeds));
  if ('published' in ingested) {
    const plan = ingested.published;
    run.planned(plan.run_id, rowsRead(plan.feeds));
    return { status: 'already_published', plan, after_publish: await afterStage(ctx, plan, run) };
  }
  const { ingests } = ingested;
  const decision = await run.stage('plan', () => decideRun(ctx, asOf, ingests));
  const { plan } = decision;
  run.planned(plan.run_id, rowsRead(ingests));
  if (decision.action === 'unchanged') return { status: 'unchanged', plan, ingests };
  const after = () => afterStage(ctx, plan, run);
  if (decision.action !== 'run') {
    const after_publish = await after();
    return decision.action === 'held'
      ? { status: 'held', plan, held: decision.held, after_publish }
      : { status: 'already_published', plan, after_publish };
  }
  const classified = await run.stage('classify', () => classifyAll(ctx, plan));
  const aggregate = await run.stage('aggregate', () =>
    step(ctx, 'aggregate', () => aggregateRun(ctx, { plan }, classified)),
  );
  const publish = await run.stage('publish', () =>
    step(ctx, 'publish', () => publishRun(ctx, { plan }, aggregate)),
  );
  const after_publish = await after();
  if (publish.held) return { status: 'held', plan, held: publish.held, after_publish };
  return { status: 'published', plan, publish, after_publish };
}

/**
 * Every feed fetched, then parsed unless the fetched bytes already decide that the run is published
 * (its run id is known from their hashes): a rerun of a published date reads no row.
 */
async function ingestAll(
  ctx: PipelineContext,
  asOf: string,
  feeds: FeedConfig[],
): Promise<{ published: RunPlan } | { ingests: IngestResult[] }> {
  const ingested: FeedIngest[] = [];
  for (const feed of feeds)
    ingested.push(await ingestUnlessPublished(ctx, { as_of: asOf, feed_id: feed.id }));
  return settleIngests(ctx, asOf, ingested);
}

/** The after-publish sequence of the run's date, recorded as its `alerts` stage. */
function afterStage(ctx: PipelineContext, plan: RunPlan, run: RunRecorder): Promise<AfterPublishOutcome> {
  return run.stage('alerts', () =>
    step(ctx, 'after_publish', () => afterPublish(ctx, plan.as_of, inlineDeliveries, plan.run_id)),
  );
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
