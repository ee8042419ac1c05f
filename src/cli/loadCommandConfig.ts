import { alertSettingsSchema } from '../alerts/settings.js';
import type { EnvName } from '../config/env.js';
import { describeIssues, type LoadedConfig, loadConfig } from '../config/load.js';
import { UsageError } from '../domain/errors.js';
import { sourceSchema } from '../sources/schema.js';

/** The variables every command may read: where the config and the store are, and how to log. */
const STORE: EnvName[] = [
  'DTE_CONFIG',
  'DTE_STORE',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_FORCE_PATH_STYLE',
  'LOG_LEVEL',
];
const QUEUES: EnvName[] = ['REDIS_URL', 'DTE_QUEUE_PREFIX'];
const CHANNELS: EnvName[] = [
  'DTE_WEBHOOK_URL',
  'DTE_WEBHOOK_SECRET',
  'DTE_SMTP_PASSWORD',
  'DTE_ZALO_ACCESS_TOKEN',
];

/** The environment variables each kind of command reads (the README's env table is checked against it). */
export const COMMAND_ENV = {
  store: STORE,
  run: [...STORE, 'DTE_THREADS', ...CHANNELS],
  queues: [...STORE, ...QUEUES],
  worker: [...STORE, ...QUEUES, 'DTE_THREADS', ...CHANNELS],
  serve: [...STORE, ...QUEUES, 'PORT', 'DTE_ADMIN_TOKEN'],
  channels: [...STORE, ...CHANNELS],
} as const satisfies Record<string, readonly EnvName[]>;
export type CommandKind = keyof typeof COMMAND_ENV;

/**
 * The config a command runs with: the file strict to its leaves (the alerts block and each feed's
 * source too, which their own modules check again when used), the store flag applied, and only the
 * variables this kind of command reads checked.
 */
export function loadCommandConfig(
  options: { config?: string; store?: string },
  kind: CommandKind,
): LoadedConfig {
  const loaded = loadConfig(options.config, process.env, { uses: COMMAND_ENV[kind], store: options.store });
  const where = loaded.file ?? '(defaults)';
  const alerts = alertSettingsSchema.safeParse(loaded.config.alerts);
  if (!alerts.success)
    throw new UsageError(
      `invalid config ${where}: ${describeIssues(alerts.error, alertSettingsSchema, ['alerts'])}`,
      {
        file: where,
      },
    );
  loaded.config.feeds.forEach((feed, i) => {
    const source = sourceSchema.safeParse(feed.source);
    if (!source.success)
      throw new UsageError(
        `invalid config ${where}: ${describeIssues(source.error, sourceSchema, ['feeds', i, 'source'])}`,
        { file: where, feed: feed.id },
      );
  });
  return loaded;
}
