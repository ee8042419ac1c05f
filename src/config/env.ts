import { z } from 'zod';
import { UsageError } from '../domain/errors.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable the project reads (listed in the README's configuration table). */
export const envSchema = z.object({
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** BullMQ key prefix, so that several deployments or tests share one Redis. */
  DTE_QUEUE_PREFIX: z.string().min(1).default('dte'),
  DTE_STORE: z.string().optional(),
  DTE_CONFIG: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DTE_WEBHOOK_URL: z.string().url().optional(),
  DTE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** The SMTP password of `alerts.email.smtp.user`; never logged. */
  DTE_SMTP_PASSWORD: z.string().min(1).optional(),
  /** The Zalo Official Account's access token for ZNS; never logged. */
  DTE_ZALO_ACCESS_TOKEN: z.string().min(1).optional(),
  DTE_ADMIN_TOKEN: z.string().min(16, 'DTE_ADMIN_TOKEN must be at least 16 characters').optional(),
  /** Worker threads a stage may use (ingest validation, inline classify); 1 turns them off. */
  DTE_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
});
export type Env = z.infer<typeof envSchema>;
export type EnvName = keyof Env;
export const ENV_NAMES = Object.keys(envSchema.shape) as EnvName[];

/**
 * Reads the environment; blank values count as unset so that `FOO= dte …` clears a setting. Only the
 * variables in `uses` are checked: one a command does not read falls back to its default when invalid,
 * so that a bad `PORT` breaks `dte serve` and not `dte snapshots list`.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env, uses: readonly EnvName[] = ENV_NAMES): Env {
  const values: Record<string, unknown> = {};
  for (const name of ENV_NAMES) {
    const raw = source[name];
    const field = envSchema.shape[name];
    const parsed = field.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) values[name] = parsed.data;
    else if (uses.includes(name))
      throw new UsageError(
        `environment variable ${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
        { variable: name },
      );
    else values[name] = field.parse(undefined);
  }
  return values as Env;
}
