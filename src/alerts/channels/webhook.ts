import { createHmac } from 'node:crypto';
import { DteError } from '../../domain/errors.js';
import { humanMessage } from '../message.js';
import { redactUrl, scrub } from '../redact.js';
import type { AlertChannel, Destination } from './types.js';
import { webhookBody } from './webhookFormats.js';

type WebhookDestination = Extract<Destination, { channel: 'webhook' }>;

/** A webhook that did not take the notification; its message never holds the URL. */
export class WebhookDeliveryError extends DteError {}

/** `sha256=<hex HMAC of "<timestamp>.<body>">`: what a receiver recomputes with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs the notification in the destination's format. Receivers deduplicate on
 * `X-DTE-Notification-Id`: delivery is at least once.
 */
export const webhookChannel: AlertChannel<WebhookDestination> = {
  name: 'webhook',
  describe: (d) => `webhook ${d.format} ${redactUrl(d.url)}`,
  async send(notification, destination, { settings }) {
    const body = webhookBody(destination.format, notification, humanMessage(notification, settings.language));
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-dte-notification-id': notification.id,
    };
    if (destination.signed && settings.webhook.secret) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      headers['x-dte-timestamp'] = timestamp;
      headers['x-dte-signature'] = signature(settings.webhook.secret, timestamp, body);
    }
    const where = redactUrl(destination.url);
    const { url, authorization } = withoutUserinfo(destination.url);
    if (authorization) headers.authorization = authorization;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(settings.webhook.timeout_ms),
      });
    } catch (error) {
      const reason = scrub(
        String((error as Error).cause ?? (error as Error).message),
        destination.url,
        where,
      );
      throw new WebhookDeliveryError(`webhook delivery failed: ${reason}`, {
        notification: notification.id,
        webhook: where,
      });
    }
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok)
      throw new WebhookDeliveryError(`webhook answered ${response.status}`, {
        notification: notification.id,
        webhook: where,
        status: response.status,
      });
    return `HTTP ${response.status}`;
  },
};

/** fetch refuses URLs with `user:password@`; such a URL's credentials become a Basic header. */
function withoutUserinfo(raw: string): { url: string; authorization?: string } {
  const u = new URL(raw);
  if (!u.username && !u.password) return { url: raw };
  const pair = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  u.username = '';
  u.password = '';
  return { url: u.toString(), authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}
