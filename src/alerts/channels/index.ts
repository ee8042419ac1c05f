export { EmailDeliveryError, emailChannel, messageIdOf } from './email.js';
export { chartInputOf, type EmailContent, emailContent } from './emailContent.js';
export { logChannel } from './log.js';
export { channelOf } from './registry.js';
export {
  type AlertChannel,
  CHANNEL_NAMES,
  type ChannelName,
  type Destination,
  type SendContext,
} from './types.js';
export { signature, WebhookDeliveryError, webhookChannel } from './webhook.js';
export { webhookBody } from './webhookFormats.js';
export { ZaloDeliveryError, ZNS_PARAM_MAX, zaloChannel, znsTemplateData } from './zalo.js';
