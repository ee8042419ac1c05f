import { z } from 'zod';
import { readEnv } from '../config/env.js';
import { UsageError } from '../domain/errors.js';

export const alertSettingsSchema = z.object({
  language: z.enum(['vi', 'en']).default('vi'),
  repeat_interval_days: z.number().int().min(1).default(7),
  stale_after_hours: z.number().positive().default(36),
  reject_rate_pct: z.number().min(0).max(100).default(1),
  webhook: z
    .object({
      url: z.string().url().optional(),
      secret: z.string().min(1).optional(),
      timeout_ms: z.number().int().positive().default(10_000),
    })
    .prefault({}),
  /** Inline runs retry each delivery this often; BullMQ uses the worker's attempts. */
  delivery: z
    .object({
      attempts: z.number().int().min(1).max(20).default(5),
      backoff_ms: z.number().int().min(1).default(1000),
    })
    .prefault({}),
  /** Link to a snapshot in notifications (`{as_of}` replaced), e.g. the dte serve page. */
  snapshot_url: z.string().optional(),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

/** The config's `alerts` block, with `DTE_WEBHOOK_URL` / `DTE_WEBHOOK_SECRET` taking precedence. */
export function alertSettings(raw: unknown, env: NodeJS.ProcessEnv = process.env): AlertSettings {
  const parsed = alertSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new UsageError(
      `invalid alerts settings: ${parsed.error.issues.map((i) => `alerts.${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const { DTE_WEBHOOK_URL, DTE_WEBHOOK_SECRET } = readEnv(env);
  const settings = parsed.data;
  if (DTE_WEBHOOK_URL) settings.webhook.url = DTE_WEBHOOK_URL;
  if (DTE_WEBHOOK_SECRET) settings.webhook.secret = DTE_WEBHOOK_SECRET;
  return settings;
}

export type Channel = 'log' | 'webhook';

export function channelsOf(settings: AlertSettings): Channel[] {
  return settings.webhook.url ? ['log', 'webhook'] : ['log'];
}
