import {
  alertSettings,
  type OpsEvent,
  opsNotification,
  planDeliveries,
  recordInHistory,
} from '../alerts/index.js';
import type { PipelineContext } from '../context/context.js';
import { UsageError } from '../domain/errors.js';
import { withRetries } from '../retry/backoffs.js';
import { deliverOnce, recordFailedDelivery } from './deliver.js';

/**
 * Tells the ops route (`alerts.ops`, plus the log and the operator's webhook) about a failure of the
 * pipeline itself (a run failed after its retries, a snapshot held), never leadership. Delivered in
 * this process whichever runner calls it, retried with `alerts.delivery`; a failure is recorded
 * under `alerts/failed/` and never thrown, so that reporting a failure cannot fail the caller.
 */
export async function sendOpsNotification(
  ctx: PipelineContext,
  event: OpsEvent,
): Promise<{ id: string; delivered: number; failed: number }> {
  const settings = alertSettings(ctx.config.alerts);
  const link = settings.snapshot_url ? settings.snapshot_url.replaceAll('{as_of}', event.as_of) : null;
  const notification = opsNotification(event, settings.language, link);
  await recordInHistory(ctx, notification);
  let delivered = 0;
  let failed = 0;
  for (const delivery of planDeliveries(ctx, [notification])) {
    try {
      await withRetries(
        () => deliverOnce(ctx, delivery),
        { attempts: settings.delivery.attempts, baseMs: settings.delivery.backoff_ms },
        { retryable: (error) => !(error instanceof UsageError) },
      );
      delivered++;
    } catch (error) {
      await recordFailedDelivery(ctx, delivery, error);
      failed++;
    }
  }
  return { id: notification.id, delivered, failed };
}
