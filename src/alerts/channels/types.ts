import type { PipelineContext } from '../../context/context.js';
import type { WebhookFormat } from '../../targets/recipients.js';
import type { Target } from '../../targets/schema.js';
import type { Notification } from '../notification.js';
import type { AlertSecrets, AlertSettings } from '../settings.js';

export const CHANNEL_NAMES = ['log', 'webhook', 'email', 'zalo'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Where one delivery goes; `id` is stable and free of credentials (it names jobs and store keys). */
export type Destination =
  | { channel: 'log'; id: string }
  | { channel: 'webhook'; id: string; url: string; format: WebhookFormat; signed: boolean }
  | { channel: 'email'; id: string; to: string[] }
  | { channel: 'zalo'; id: string; phone: string };

/** Everything a channel may read while it renders and sends. */
export interface SendContext {
  ctx: PipelineContext;
  settings: AlertSettings;
  secrets: AlertSecrets;
  /** The notification's target, for its chart and milestones; null for ops notifications. */
  target: Target | null;
}

/** One way of reaching people: renders a notification for its medium and sends it, or throws. */
export interface AlertChannel<D extends Destination = Destination> {
  name: D['channel'];
  /** A line for logs and `alerts/failed/`, with credentials redacted. */
  describe(destination: D): string;
  /** Sends once; throws so that the caller retries. Returns what the receiver answered, for the log. */
  send(notification: Notification, destination: D, sc: SendContext): Promise<string>;
}
