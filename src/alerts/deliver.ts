import type { PipelineContext } from '../context/context.js';
import { DteError } from '../domain/errors.js';
import { alertKeys } from '../snapshot/layout.js';
import { channelOf } from './channels/registry.js';
import type { ChannelName, Destination } from './channels/types.js';
import type { Notification } from './notification.js';
import { destinationsOf, targetOf } from './routing.js';
import { alertSecrets, alertSettings } from './settings.js';

export { signature } from './channels/webhook.js';

/** One notification to one destination: a BullMQ job of its own, or one step of an inline run. */
export interface Delivery {
  notification: Notification;
  channel: ChannelName;
  /** The destination's id (`log`, `webhook`, `email-…`, `zalo-…`, `webhook-…`); never a credential. */
  destination: string;
}

/** A destination the notification's route no longer has (the config changed since it was queued). */
export class UnknownDestinationError extends DteError {}

/** Every delivery of these notifications, except the suppressed ones (silenced, acknowledged). */
export function planDeliveries(ctx: PipelineContext, notifications: readonly Notification[]): Delivery[] {
  const settings = alertSettings(ctx.config.alerts);
  return notifications
    .filter((n) => !n.suppressed)
    .flatMap((notification) =>
      destinationsOf(notification, targetOf(ctx, notification), settings).map((d) => ({
        notification,
        channel: d.channel,
        destination: d.id,
      })),
    );
}

function resolve(ctx: PipelineContext, delivery: Pick<Delivery, 'notification' | 'channel' | 'destination'>) {
  const settings = alertSettings(ctx.config.alerts);
  const target = targetOf(ctx, delivery.notification);
  const destination = destinationsOf(delivery.notification, target, settings).find(
    (d) => d.id === delivery.destination,
  );
  if (!destination)
    throw new UnknownDestinationError(`no destination ${delivery.destination} for this notification`, {
      notification: delivery.notification.id,
      destination: delivery.destination,
    });
  return { destination, sc: { ctx, settings, secrets: alertSecrets(settings), target } };
}

/** How a destination appears in logs and stored objects, credentials redacted. */
export function describeDestination(destination: Destination): string {
  return channelOf(destination).describe(destination);
}

/** A delivery's destination as a redacted line; its bare id when the config no longer has it. */
export function describeDelivery(ctx: PipelineContext, delivery: Delivery): string {
  try {
    return describeDestination(resolve(ctx, delivery).destination);
  } catch {
    return delivery.destination;
  }
}

/**
 * Delivers one notification to one destination; throws on failure so that the caller retries.
 * Idempotent on the notification id: a delivery already recorded is not sent again.
 */
export async function deliverNotification(
  ctx: PipelineContext,
  payload: { notification: Notification; channel: ChannelName; destination?: string },
): Promise<'sent' | 'already_sent'> {
  const delivery = { ...payload, destination: payload.destination ?? payload.channel };
  const key = alertKeys.delivered(delivery.notification.id, delivery.destination);
  if (await ctx.store.head(key)) return 'already_sent';
  const { destination, sc } = resolve(ctx, delivery);
  const receipt = await channelOf(destination).send(delivery.notification, destination, sc);
  const to = describeDestination(destination);
  ctx.logger.info(
    { stage: 'deliver', notification: delivery.notification.id, to, receipt },
    'alert delivered',
  );
  await ctx.store.put(
    key,
    `${JSON.stringify({ id: delivery.notification.id, channel: destination.channel, destination: destination.id, to, delivered: true })}\n`,
    { contentType: 'application/json' },
  );
  return 'sent';
}
