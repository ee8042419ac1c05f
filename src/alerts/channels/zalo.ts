import { z } from 'zod';
import { DteError, UsageError } from '../../domain/errors.js';
import { formatDate } from '../../format/index.js';
import { humanMessage } from '../message.js';
import type { Notification } from '../notification.js';
import type { AlertChannel, Destination } from './types.js';

type ZaloDestination = Extract<Destination, { channel: 'zalo' }>;

/** ZNS did not send the message: HTTP failure, or a non-zero `error` in its JSON answer. */
export class ZaloDeliveryError extends DteError {}

/** ZNS refuses a template parameter longer than this. */
export const ZNS_PARAM_MAX = 400;

const answerSchema = z.looseObject({
  error: z.number(),
  message: z.string().optional(),
  data: z.looseObject({ msg_id: z.string().optional() }).optional(),
});

const clip = (v: string) => (v.length > ZNS_PARAM_MAX ? `${v.slice(0, ZNS_PARAM_MAX - 1)}…` : v);

/**
 * The template's parameters (the names the OA's ZNS template must declare): every value a string
 * of at most 400 characters, in the alerts' language.
 */
export function znsTemplateData(n: Notification, lang: 'vi' | 'en'): Record<string, string> {
  const m = humanMessage(n, lang);
  const fact = (i: number) => m.facts[i]?.value ?? '';
  const data = m.ops
    ? { title: m.title, target: n.text, as_of: formatDate(n.as_of, lang), status: n.state }
    : {
        title: m.title,
        target: fact(1),
        as_of: fact(2),
        actual: fact(3),
        expected: fact(4),
        gap: fact(5),
        status: fact(6),
      };
  return Object.fromEntries(Object.entries({ ...data, link: n.link ?? '' }).map(([k, v]) => [k, clip(v)]));
}

/** One ZNS template message to one phone; `tracking_id` is the notification id. */
export const zaloChannel: AlertChannel<ZaloDestination> = {
  name: 'zalo',
  describe: (d) => `zalo ${d.phone.slice(0, 4)}…${d.phone.slice(-3)}`,
  async send(notification, destination, { settings, secrets }) {
    const zalo = settings.zalo;
    if (!zalo) throw new UsageError('phone recipients without alerts.zalo settings');
    if (!secrets.zaloAccessToken)
      throw new UsageError('alerts.zalo is set: give the OA access token in DTE_ZALO_ACCESS_TOKEN');
    const body = JSON.stringify({
      phone: destination.phone,
      template_id: zalo.template_id,
      template_data: znsTemplateData(notification, settings.language),
      tracking_id: notification.id,
    });
    const context = { notification: notification.id, phone: zaloChannel.describe(destination) };
    let response: Response;
    try {
      response = await fetch(new URL('/message/template', zalo.base_url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: secrets.zaloAccessToken },
        body,
        signal: AbortSignal.timeout(zalo.timeout_ms),
      });
    } catch (error) {
      throw new ZaloDeliveryError(`ZNS request failed: ${String((error as Error).cause ?? error)}`, context);
    }
    const raw = await response.text();
    if (!response.ok) throw new ZaloDeliveryError(`ZNS answered HTTP ${response.status}`, context);
    const answer = answerSchema.safeParse(parseJson(raw));
    if (!answer.success) throw new ZaloDeliveryError('ZNS answered without an error code', context);
    if (answer.data.error !== 0)
      throw new ZaloDeliveryError(`ZNS error ${answer.data.error}: ${answer.data.message ?? ''}`, {
        ...context,
        zns_error: answer.data.error,
      });
    return `ZNS msg_id ${answer.data.data?.msg_id ?? '?'}`;
  },
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
