import { type AlertsOutcome, deliverWithRetries, evaluateAlerts, planDeliveries } from '../alerts/index.js';
import type { PipelineContext } from '../pipeline/context.js';

export interface InlineAlertsOutcome {
  as_of: string;
  notifications: number;
  delivered: number;
  failed: Array<{ id: string; channel: string; destination: string; error: string }>;
}

/**
 * The alerts stage and its deliveries in this process. A delivery is retried with exponential
 * backoff; one that exhausts its attempts is logged and recorded, and never fails the run.
 */
export async function runAlertsInline(ctx: PipelineContext, asOf: string): Promise<InlineAlertsOutcome> {
  const outcome: AlertsOutcome = await evaluateAlerts(ctx, { as_of: asOf });
  const failed: InlineAlertsOutcome['failed'] = [];
  let delivered = 0;
  for (const delivery of planDeliveries(ctx, outcome.notifications)) {
    const result = await deliverWithRetries(ctx, delivery);
    if (result.ok) delivered++;
    else
      failed.push({
        id: delivery.notification.id,
        channel: delivery.channel,
        destination: delivery.destination,
        error: result.error,
      });
  }
  return { as_of: asOf, notifications: outcome.notifications.length, delivered, failed };
}
