import { alertSettings } from '../alerts/index.js';
import type { PipelineContext } from '../context/context.js';
import { withRetries } from '../retry/backoffs.js';
import type { DeliveryDispatcher, DispatchSummary } from '../stages/afterPublish.js';
import { type Delivery, deliverOnce, recordFailedDelivery } from '../stages/deliver.js';

/** Deliveries in this process, each retried with `alerts.delivery`'s backoff (BullMQ uses its jobs'). */
export const inlineDeliveries: DeliveryDispatcher = {
  async dispatch(ctx: PipelineContext, deliveries: Delivery[]): Promise<DispatchSummary> {
    const { delivery: policy } = alertSettings(ctx.config.alerts);
    const summary: DispatchSummary = { dispatched: 0, failed: [] };
    for (const delivery of deliveries) {
      try {
        await withRetries(() => deliverOnce(ctx, delivery), {
          attempts: policy.attempts,
          baseMs: policy.backoff_ms,
        });
        summary.dispatched++;
      } catch (error) {
        await recordFailedDelivery(ctx, delivery, error);
        summary.failed.push({
          id: delivery.notification.id,
          channel: delivery.channel,
          error: (error as Error).message,
        });
      }
    }
    return summary;
  },
};
