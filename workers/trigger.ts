import type { Job } from 'bullmq';
import { enqueueRuns } from '../jobs/enqueue.js';
import { triggerPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import { yesterdayInVietnam } from '../src/time/asOf.js';

/**
 * A scheduler's job only triggers: it enqueues the run of the day before its scheduled time (Vietnam
 * time), with the deterministic ids, so a late or repeated trigger cannot start the run twice.
 */
export const triggerProcessor = (ctx: PipelineContext, runtime: QueueRuntime) => async (job: Job) => {
  const { feed_id } = triggerPayload.parse(job.data);
  const scheduledAt = new Date(job.timestamp + (job.opts.delay ?? 0));
  const result = await enqueueRuns(
    runtime,
    ctx.config,
    [yesterdayInVietnam(scheduledAt)],
    undefined,
    'schedule',
  );
  ctx.logger.info(
    { stage: 'trigger', feed: feed_id, asOf: result.as_of, status: result.status },
    'scheduled run enqueued',
  );
  return result;
};
