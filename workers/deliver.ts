import type { Job } from 'bullmq';
import { deliverPayload } from '../jobs/payloads.js';
import { notificationSchema } from '../src/alerts/index.js';
import type { PipelineContext } from '../src/context/context.js';
import { deliverOnce, recordFailedDelivery } from '../src/stages/deliver.js';

/**
 * Throws on failure so that BullMQ retries with backoff; the last attempt's failure is recorded as
 * the inline runner records it, and a delivery never blocks the pipeline.
 */
export const deliverProcessor = (ctx: PipelineContext) => async (job: Job) => {
  const payload = deliverPayload.parse(job.data);
  const delivery = { notification: notificationSchema.parse(payload.notification), channel: payload.channel };
  try {
    await deliverOnce(ctx, delivery);
  } catch (error) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await recordFailedDelivery(ctx, delivery, error);
    throw error;
  }
  return { id: payload.notification.id, channel: payload.channel };
};
