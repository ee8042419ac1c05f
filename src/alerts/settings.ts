import { z } from 'zod';
import { readEnv } from '../config/env.js';
import { UsageError } from '../domain/errors.js';
import { recipientsSchema, WEBHOOK_FORMATS } from '../targets/recipients.js';

const emailSettingsSchema = z
  .object({
    /** `"Sở KH&CN <canh-bao@skhcn.example.gov.vn>"`; its domain also names the Message-ID. */
    from: z.string().min(3),
    reply_to: z.string().min(3).optional(),
    /** Language of subject and body; the alerts' language by default. */
    language: z.enum(['vi', 'en']).optional(),
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        /** Implicit TLS from the first byte (port 465); otherwise STARTTLS when offered. */
        secure: z.boolean().default(false),
        /** Refuse to send unless the server upgrades the connection with STARTTLS. */
        require_tls: z.boolean().default(true),
        user: z.string().min(1).optional(),
        /** Prefer DTE_SMTP_PASSWORD: a password in a config file is readable by whoever reads the file. */
        password: z.string().min(1).optional(),
        /** PEM file of a private CA the server's certificate is signed by (relative to the config). */
        ca_file: z.string().min(1).optional(),
        timeout_ms: z.number().int().positive().default(30_000),
      })
      .strict(),
  })
  .strict();

const zaloSettingsSchema = z
  .object({
    /** The ZNS template registered for these alerts (its parameters: see docs/notes/channels.md). */
    template_id: z.string().regex(/^\d+$/, 'a ZNS template id is a number'),
    base_url: z.string().url().default('https://business.openapi.zalo.me'),
    timeout_ms: z.number().int().positive().default(10_000),
  })
  .strict();

export const alertSettingsSchema = z
  .object({
    language: z.enum(['vi', 'en']).default('vi'),
    repeat_interval_days: z.number().int().min(1).default(7),
    stale_after_hours: z.number().positive().default(36),
    reject_rate_pct: z.number().min(0).max(100).default(1),
    /** The operator's webhook: every notification, leadership's and ops', like the log. */
    webhook: z
      .object({
        url: z.string().url().optional(),
        secret: z.string().min(1).optional(),
        format: z.enum(WEBHOOK_FORMATS).default('json'),
        timeout_ms: z.number().int().positive().default(10_000),
      })
      .strict()
      .prefault({}),
    email: emailSettingsSchema.optional(),
    zalo: zaloSettingsSchema.optional(),
    /** Leadership's default recipients, for targets without a `notify:` list of their own. */
    recipients: recipientsSchema.prefault({}),
    /** Where ops notifications go (run failed, feed stale, snapshot held, reject rate); never leadership. */
    ops: recipientsSchema.prefault({}),
    /** Inline runs retry each delivery this often; BullMQ uses the worker's attempts. */
    delivery: z
      .object({
        attempts: z.number().int().min(1).max(20).default(5),
        backoff_ms: z.number().int().min(1).default(1000),
      })
      .strict()
      .prefault({}),
    /** Link to a snapshot in notifications (`{as_of}` replaced), e.g. the dte serve page. */
    snapshot_url: z.string().optional(),
  })
  .strict();
export type AlertSettings = z.infer<typeof alertSettingsSchema>;
export type EmailSettings = z.infer<typeof emailSettingsSchema>;
export type ZaloSettings = z.infer<typeof zaloSettingsSchema>;

/** Secrets that only the environment gives (never written to a config file or a log). */
export interface AlertSecrets {
  smtpPassword: string | undefined;
  zaloAccessToken: string | undefined;
}

/** The config's `alerts` block, with `DTE_WEBHOOK_URL` / `DTE_WEBHOOK_SECRET` taking precedence. */
export function alertSettings(raw: unknown, env: NodeJS.ProcessEnv = process.env): AlertSettings {
  const parsed = alertSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new UsageError(
      `invalid alerts settings: ${parsed.error.issues.map((i) => `alerts.${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const { DTE_WEBHOOK_URL, DTE_WEBHOOK_SECRET } = readEnv(env, ['DTE_WEBHOOK_URL', 'DTE_WEBHOOK_SECRET']);
  const settings = parsed.data;
  if (DTE_WEBHOOK_URL) settings.webhook.url = DTE_WEBHOOK_URL;
  if (DTE_WEBHOOK_SECRET) settings.webhook.secret = DTE_WEBHOOK_SECRET;
  return settings;
}

export function alertSecrets(settings: AlertSettings, env: NodeJS.ProcessEnv = process.env): AlertSecrets {
  const { DTE_SMTP_PASSWORD, DTE_ZALO_ACCESS_TOKEN } = readEnv(env, [
    'DTE_SMTP_PASSWORD',
    'DTE_ZALO_ACCESS_TOKEN',
  ]);
  return {
    smtpPassword: DTE_SMTP_PASSWORD ?? settings.email?.smtp.password,
    zaloAccessToken: DTE_ZALO_ACCESS_TOKEN,
  };
}
