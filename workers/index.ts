import { DelayedError, type Job, type Processor, UnrecoverableError, Worker } from 'bullmq';
import type { PipelineContext } from '../src/context/context.js';
import { AlreadyRunningError, DteError, FileRejectedError } from '../src/domain/errors.js';
import { isConnectionError } from '../src/queue/connection.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import type { Stage } from '../src/queue/stages.js';
import { aggregateProcessor } from './aggregate.js';
import { alertsProcessor } from './alerts.js';
import { classifyProcessor } from './classify.js';
import { deliverProcessor } from './deliver.js';
import { ingestProcessor } from './ingest.js';
import { planProcessor } from './plan.js';
import { publishProcessor } from './publish.js';
import { isFinalAttempt, renewWhileRunning, reportFinalFailure } from './runFailed.js';
import { triggerProcessor } from './trigger.js';

export type StageProcessor = (job: Job, token?: string) => Promise<unknown>;

export interface WorkerOptions {
  concurrency: number;
  /** Wraps a stage's processor (tests inject faults this way; production passes nothing). */
  wrap?: (stage: Stage, processor: StageProcessor) => StageProcessor;
  /** Called with every finished job (metrics). */
  onFinished?: (event: { stage: Stage; job: Job; ms: number; ok: boolean; result: unknown }) => void;
}

function processors(ctx: PipelineContext, runtime: QueueRuntime): Record<Stage, StageProcessor> {
  return {
    trigger: triggerProcessor(ctx, runtime),
    ingest: ingestProcessor(ctx),
    plan: planProcessor(ctx, runtime),
    classify: classifyProcessor(ctx),
    aggregate: aggregateProcessor(ctx),
    publish: publishProcessor(ctx),
    alerts: alertsProcessor(ctx, runtime),
    deliver: deliverProcessor(ctx),
  };
}

/** What a log line says of a job: where it belongs and how much it did, never row data. */
function describe(job: Job, result: unknown): Record<string, unknown> {
  const data = job.data as {
    as_of?: string;
    feed_id?: string;
    plan?: { as_of: string; run_id: string };
    partition?: number;
  };
  const r = (result ?? {}) as { rows_read?: number; records?: number };
  return {
    jobId: job.id,
    attempt: job.attemptsMade + 1,
    asOf: data.as_of ?? data.plan?.as_of,
    feed: data.feed_id,
    runId: data.plan?.run_id,
    partition: data.partition,
    rows: r.rows_read ?? r.records,
  };
}

/** One BullMQ worker per stage queue, all in this process, each calling the stage's handler. */
export function startWorkers(ctx: PipelineContext, runtime: QueueRuntime, options: WorkerOptions): Worker[] {
  const { worker: settings } = ctx.config;
  return Object.entries(processors(ctx, runtime)).map(([name, base]) => {
    const stage = name as Stage;
    const processor = options.wrap ? options.wrap(stage, base) : base;
    const timed: Processor = async (job, token) => {
      const started = performance.now();
      const log = ctx.logger.child({ stage });
      log.info(describe(job, null), 'job started');
      const renewing = renewWhileRunning(ctx, runtime, stage, job);
      try {
        const result = await processor(job, token);
        const ms = Math.round(performance.now() - started);
        log.info({ ...describe(job, result), ms }, 'job done');
        options.onFinished?.({ stage, job, ms, ok: true, result });
        return result;
      } catch (error) {
        // Waiting its turn (an earlier date in progress) is not a failure.
        if (error instanceof DelayedError) throw error;
        const ms = Math.round(performance.now() - started);
        // A pipeline error's context (stage, feed, key, cause) becomes fields of the line.
        const where = error instanceof DteError ? error.context : {};
        log.error({ ...where, ...describe(job, null), ms, err: error }, 'job failed');
        options.onFinished?.({ stage, job, ms, ok: false, result: null });
        // A second run of a date that is running sends nothing and leaves the first run's lease alone.
        if (error instanceof AlreadyRunningError) throw new UnrecoverableError(error.describe());
        const unrecoverable = error instanceof FileRejectedError || error instanceof UnrecoverableError;
        if (isFinalAttempt(job, unrecoverable)) await reportFinalFailure(ctx, runtime, stage, job, error);
        // A file that cannot be read will not become readable by retrying: fail the run now.
        if (error instanceof FileRejectedError) throw new UnrecoverableError(error.describe());
        throw error;
      } finally {
        clearInterval(renewing);
      }
    };
    const worker = new Worker(stage, timed, {
      connection: runtime.connection,
      prefix: runtime.prefix,
      concurrency: options.concurrency,
      lockDuration: settings.lock_duration_ms,
      stalledInterval: settings.stalled_interval_ms,
      maxStalledCount: 2,
    });
    // Redis being down is reported by the connection, once per reconnect attempt; anything else in one line.
    worker.on('error', (error) => {
      if (!isConnectionError(error)) ctx.logger.error({ stage, error: error.message }, 'worker error');
    });
    return worker;
  });
}

/** Graceful stop: active jobs finish (or their locks lapse and another worker takes them). */
export async function stopWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.close()));
}
