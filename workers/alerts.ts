import type { Job } from 'bullmq';
import { queueDeliveries } from '../jobs/deliveries.js';
import { enqueueRuns } from '../jobs/enqueue.js';
import { alertsPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import { releaseDateLease } from '../src/queue/dateLease.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import { afterPublish } from '../src/stages/afterPublish.js';

/** The after-publish sequence of a published date; then the backfill goes on with its next date. */
export const alertsProcessor = (ctx: PipelineContext, runtime: QueueRuntime) => async (job: Job) => {
  const payload = alertsPayload.parse(job.data);
  const outcome = await afterPublish(ctx, payload.as_of, queueDeliveries(runtime), payload.run_id);
  // The run is over: the next date (waiting for it, or in `then`) may now choose it as its previous.
  await releaseDateLease(runtime, payload.as_of);
  if (payload.then.length > 0)
    await enqueueRuns(runtime, ctx.config, payload.then, payload.feed_ids, 'backfill');
  return outcome;
};
