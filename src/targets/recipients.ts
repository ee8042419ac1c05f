import { z } from 'zod';

/** The incoming-webhook message shapes a webhook can be sent in. */
export const WEBHOOK_FORMATS = ['json', 'slack', 'teams', 'google_chat'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A Vietnamese mobile number as ZNS wants it: 84 then 9 digits (0912… and +84912… are normalised). */
const phone = z
  .string()
  .transform((v) =>
    v
      .replace(/[\s.-]/g, '')
      .replace(/^\+/, '')
      .replace(/^0/, '84'),
  )
  .pipe(z.string().regex(/^84\d{9}$/, 'a Vietnamese mobile number: 84 then 9 digits'));

const webhook = z.union([
  z.string().url(),
  z.object({ url: z.string().url(), format: z.enum(WEBHOOK_FORMATS).default('json') }).strict(),
]);

/** Who receives a notification besides the log and the operator's webhook (`notify:`, `recipients:`, `ops:`). */
export const recipientsSchema = z
  .object({
    emails: z.array(z.email()).default([]),
    phones: z.array(phone).default([]),
    webhooks: z.array(webhook).default([]),
  })
  .strict();
export type Recipients = z.infer<typeof recipientsSchema>;
