import { createHmac } from 'node:crypto';
import type { PipelineContext } from '../context/context.js';
import { DteError } from '../domain/errors.js';
import { alertKeys } from '../snapshot/layout.js';
import type { Notification } from './notification.js';
import { alertSettings, type Channel } from './settings.js';

/** `sha256=<hex HMAC of "<timestamp>.<body>">`: what a receiver recomputes with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Delivers one notification through one channel; throws on failure so that the caller retries.
 * Idempotent on the notification id: a delivery already recorded is not sent again.
 */
export async function deliverNotification(
  ctx: PipelineContext,
  payload: { notification: Notification; channel: Channel },
): Promise<'sent' | 'already_sent'> {
  const { notification, channel } = payload;
  if (await ctx.store.head(alertKeys.delivered(notification.id, channel))) return 'already_sent';
  const settings = alertSettings(ctx.config.alerts);
  if (channel === 'log') {
    ctx.logger.warn(
      {
        alert: {
          id: notification.id,
          key: notification.key,
          kind: notification.kind,
          event: notification.event,
          state: notification.state,
          asOf: notification.as_of,
        },
        text: notification.text,
      },
      'alert',
    );
  } else {
    const url = settings.webhook.url;
    if (!url) throw new DteError('webhook channel without a URL: set alerts.webhook.url or DTE_WEBHOOK_URL');
    const body = JSON.stringify({
      id: notification.id,
      kind: notification.kind,
      event: notification.event,
      state: notification.state,
      as_of: notification.as_of,
      text: notification.text,
      link: notification.link,
      evaluation: notification.evaluation,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-dte-notification-id': notification.id,
    };
    if (settings.webhook.secret) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      headers['x-dte-timestamp'] = timestamp;
      headers['x-dte-signature'] = signature(settings.webhook.secret, timestamp, body);
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(settings.webhook.timeout_ms),
      });
    } catch (error) {
      throw new DteError(
        `webhook delivery failed: ${(error as Error).message}`,
        { notification: notification.id },
        { cause: error },
      );
    }
    if (!response.ok)
      throw new DteError(`webhook answered ${response.status}`, {
        notification: notification.id,
        status: response.status,
      });
  }
  await ctx.store.put(
    alertKeys.delivered(notification.id, channel),
    `${JSON.stringify({ id: notification.id, channel, delivered: true })}\n`,
    { contentType: 'application/json' },
  );
  return 'sent';
}
