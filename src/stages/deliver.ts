import { type Channel, deliverNotification, type Notification } from '../alerts/index.js';
import type { PipelineContext } from '../context/context.js';
import { alertKeys } from '../snapshot/layout.js';

/** One notification through one channel: the unit that both runners retry. */
export interface Delivery {
  notification: Notification;
  channel: Channel;
}

/** The deliver stage: one attempt; throws so that the runner retries with its backoff. */
export function deliverOnce(ctx: PipelineContext, delivery: Delivery): Promise<'sent' | 'already_sent'> {
  return deliverNotification(ctx, delivery);
}

/**
 * A delivery that exhausted its attempts, whichever runner made them: logged and kept under
 * `alerts/failed/` for ops, and never a failure of the run.
 */
export async function recordFailedDelivery(
  ctx: PipelineContext,
  delivery: Delivery,
  error: unknown,
): Promise<void> {
  const { notification, channel } = delivery;
  const message = error instanceof Error ? error.message : String(error);
  ctx.logger.error(
    { stage: 'deliver', notification: notification.id, channel, err: message },
    'delivery failed after every attempt',
  );
  await ctx.store.put(
    alertKeys.failed(notification.id, channel),
    `${JSON.stringify({ id: notification.id, channel, as_of: notification.as_of, error: message })}\n`,
    { contentType: 'application/json' },
  );
}
