import type { Job } from 'bullmq';
import { deliverPayload } from '../jobs/payloads.js';
import { deliverNotification, notificationSchema } from '../src/alerts/index.js';
import type { PipelineContext } from '../src/pipeline/context.js';

/** Throws on failure so that BullMQ retries with backoff; a delivery never blocks the pipeline. */
export const deliverProcessor = (ctx: PipelineContext) => async (job: Job) => {
  const payload = deliverPayload.parse(job.data);
  await deliverNotification(ctx, {
    notification: notificationSchema.parse(payload.notification),
    channel: payload.channel,
    destination: payload.destination,
  });
  return { id: payload.notification.id, channel: payload.channel, destination: payload.destination };
};
