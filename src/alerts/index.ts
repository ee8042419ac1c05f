import type { PipelineContext } from '../context/context.js';
import { alertSettings, type Channel, channelsOf } from './settings.js';

export { deliverNotification, signature } from './deliver.js';
export type { Evaluation } from './evaluate.js';
export { type HistoryPoint, type TargetHistory, targetHistories, targetHistory } from './history.js';
export { type AlertState, advance, notificationId } from './lifecycle.js';
export { type Notification, notificationSchema } from './notification.js';
export { type AlertSettings, alertSettings, type Channel } from './settings.js';
export { type AlertsOutcome, evaluateAlerts, evaluateTargets } from './stage.js';

/** The channels every notification goes through: log always, webhook when configured. */
export function alertChannels(ctx: PipelineContext): Channel[] {
  return channelsOf(alertSettings(ctx.config.alerts));
}
