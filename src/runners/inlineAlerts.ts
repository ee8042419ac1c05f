import {
  type AlertsOutcome,
  alertChannels,
  alertSettings,
  deliverNotification,
  evaluateAlerts,
} from '../alerts/index.js';
import { redactText } from '../logging/redact.js';
import type { PipelineContext } from '../pipeline/context.js';

export interface InlineAlertsOutcome {
  as_of: string;
  notifications: number;
  delivered: number;
  failed: Array<{ id: string; channel: string; error: string }>;
}

/**
 * The alerts stage and its deliveries in this process. A delivery is retried with exponential
 * backoff; one that exhausts its attempts is logged and recorded, and never fails the run.
 */
export async function runAlertsInline(ctx: PipelineContext, asOf: string): Promise<InlineAlertsOutcome> {
  const outcome: AlertsOutcome = await evaluateAlerts(ctx, { as_of: asOf });
  const settings = alertSettings(ctx.config.alerts);
  const failed: InlineAlertsOutcome['failed'] = [];
  let delivered = 0;
  for (const notification of outcome.notifications) {
    for (const channel of alertChannels(ctx)) {
      let lastError = '';
      for (let attempt = 1; attempt <= settings.delivery.attempts; attempt++) {
        try {
          await deliverNotification(ctx, { notification, channel });
          delivered++;
          lastError = '';
          break;
        } catch (error) {
          lastError = redactText((error as Error).message);
          if (attempt < settings.delivery.attempts)
            await new Promise((r) => setTimeout(r, settings.delivery.backoff_ms * 2 ** (attempt - 1)));
        }
      }
      if (lastError) {
        failed.push({ id: notification.id, channel, error: lastError });
        ctx.logger.error(
          { stage: 'deliver', notification: notification.id, channel, err: lastError },
          'delivery failed after every attempt',
        );
        await ctx.store.put(
          `alerts/failed/${notification.id}.${channel}.json`,
          `${JSON.stringify({ id: notification.id, channel, error: lastError })}\n`,
        );
      }
    }
  }
  return { as_of: asOf, notifications: outcome.notifications.length, delivered, failed };
}
