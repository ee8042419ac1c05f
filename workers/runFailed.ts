import type { Job } from 'bullmq';
import type { PipelineContext } from '../src/context/context.js';
import { leaseMs, releaseDateLease, renewDateLease } from '../src/queue/dateLease.js';
import { redisKeys } from '../src/queue/keys.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import type { Stage } from '../src/queue/stages.js';
import { reportRunFailed } from '../src/stages/runFailed.js';

interface RunJobData {
  as_of?: string;
  plan?: { as_of: string; run_id: string };
  run_id?: string;
  feed_ids?: string[];
  feed_id?: string;
}

/** True when BullMQ will not try this job again: its last attempt, or an error it is told not to retry. */
export function isFinalAttempt(job: Job, unrecoverable: boolean): boolean {
  return unrecoverable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * The run a job belongs to, the same for every job of it: the run id once planned, else the as-of date
 * (ingest and plan come before the id exists), so one failing run is one notification.
 */
function runOf(data: RunJobData): { as_of: string; run: string } | null {
  const asOf = data.plan?.as_of ?? data.as_of;
  if (!asOf) return null;
  const runId = data.plan?.run_id ?? data.run_id;
  return { as_of: asOf, run: runId ? `run ${runId}` : `run of ${asOf} (before planning)` };
}

/** How long the claim of a failed run's notification is kept (its notification id dedupes after that). */
const CLAIM_MS = 24 * 3600 * 1000;

/**
 * After a job's last attempt: `run_failed` to ops, claimed in Redis first because several jobs of one
 * run (its classify partitions) may fail at once in different workers. Deliveries are not runs (their
 * failures are kept under `alerts/failed/`).
 */
export async function reportFinalFailure(
  ctx: PipelineContext,
  runtime: QueueRuntime,
  stage: Stage,
  job: Job,
  error: unknown,
): Promise<void> {
  if (stage === 'deliver') return;
  const run = runOf((job.data ?? {}) as RunJobData);
  if (!run) return;
  const key = redisKeys.runFailedClaim(runtime.prefix, `${run.as_of} ${run.run}`);
  const claimed = await runtime.connection.set(key, String(job.id), 'PX', CLAIM_MS, 'NX').catch(() => 'OK');
  if (claimed === 'OK') await reportRunFailed(ctx, { ...run, stage }, error);
  // The run is over: the date's lease goes, so the next run of it (or a later date) need not wait.
  await releaseDateLease(runtime, run.as_of).catch(() => undefined);
}

/** Keeps the lease of the job's date alive while the job runs; the timer is cleared by the caller. */
export function renewWhileRunning(
  ctx: PipelineContext,
  runtime: QueueRuntime,
  stage: Stage,
  job: Job,
): NodeJS.Timeout | undefined {
  const asOf = runOf((job.data ?? {}) as RunJobData)?.as_of;
  if (!asOf || stage === 'deliver' || stage === 'trigger') return undefined;
  const ttl = leaseMs(ctx.config.worker);
  const renew = () => void renewDateLease(runtime, asOf, ttl).catch(() => undefined);
  renew();
  const timer = setInterval(renew, Math.floor(ttl / 3));
  timer.unref();
  return timer;
}
