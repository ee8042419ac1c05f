export { chartInputOf, emailContent, messageIdOf, webhookBody, znsTemplateData } from './channels/index.js';
export type { ChannelName, Destination } from './channels/types.js';
export { type ChartInput, targetChartSvg } from './chart.js';
export {
  type Delivery,
  deliverNotification,
  describeDelivery,
  describeDestination,
  planDeliveries,
  signature,
} from './deliver.js';
export type { Evaluation } from './evaluate.js';
export { type HistoryPoint, type TargetHistory, targetHistories, targetHistory } from './history.js';
export { type AlertState, advance, notificationId } from './lifecycle.js';
export { humanMessage } from './message.js';
export { isOps, type Notification, notificationSchema, OPS_KINDS } from './notification.js';
export { type OpsEvent, type OpsKind, opsNotification, recordInHistory } from './ops.js';
export { svgToPng } from './png.js';
export { destinationsOf, recipientsOf, targetOf } from './routing.js';
export { listSentNotifications, type SentDelivery, type SentNotification } from './sent.js';
export { describeSent } from './sentText.js';
export { type AlertSettings, alertSettings } from './settings.js';
export {
  acknowledgeTarget,
  listSilences,
  NothingToAcknowledgeError,
  openStates,
  readSilence,
  type SilenceRecord,
  silenceTarget,
  suppressionOf,
  unsilenceTarget,
  writeSilence,
} from './silences.js';
export { type AlertsOutcome, evaluateAlerts, evaluateTargets, readState } from './stage.js';
