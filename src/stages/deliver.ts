import { type Delivery, deliverNotification, describeDelivery } from '../alerts/index.js';
import type { PipelineContext } from '../context/context.js';
import { redactText } from '../logging/redact.js';
import { alertKeys } from '../snapshot/layout.js';

/** One notification to one destination: the unit that both runners retry. */
export type { Delivery } from '../alerts/index.js';

/** The deliver stage: one attempt; throws so that the runner retries with its backoff. */
export function deliverOnce(ctx: PipelineContext, delivery: Delivery): Promise<'sent' | 'already_sent'> {
  return deliverNotification(ctx, delivery);
}

/**
 * A delivery that exhausted its attempts, whichever runner made them: logged and kept under
 * `alerts/failed/` for ops (the destination redacted), and never a failure of the run.
 */
export async function recordFailedDelivery(
  ctx: PipelineContext,
  delivery: Delivery,
  error: unknown,
): Promise<void> {
  const { notification, channel, destination } = delivery;
  const message = redactText(error instanceof Error ? error.message : String(error));
  const to = describeDelivery(ctx, delivery);
  ctx.logger.error(
    { stage: 'deliver', notification: notification.id, channel, to, err: message },
    'delivery failed after every attempt',
  );
  await ctx.store.put(
    alertKeys.failed(notification.id, destination),
    `${JSON.stringify({ id: notification.id, channel, destination, to, as_of: notification.as_of, error: message })}\n`,
    { contentType: 'application/json' },
  );
}
