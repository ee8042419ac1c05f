import type { QueueRuntime } from '../src/queue/runtime.js';
import type { DeliveryDispatcher } from '../src/stages/afterPublish.js';
import { jobIds } from './ids.js';
import { jobOptions } from './options.js';

/** Deliveries as jobs of the deliver queue, one per notification and channel, retried by BullMQ. */
export function queueDeliveries(runtime: QueueRuntime): DeliveryDispatcher {
  return {
    async dispatch(ctx, deliveries) {
      const jobs = deliveries.map((data) => ({
        name: 'deliver',
        data,
        opts: { ...jobOptions(ctx.config.worker), jobId: jobIds.deliver(data.notification.id, data.channel) },
      }));
      if (jobs.length > 0) await runtime.queues.deliver.addBulk(jobs);
      return { dispatched: jobs.length, failed: [] };
    },
  };
}
