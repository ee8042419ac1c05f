import { type Logger, pino } from 'pino';
import { redactText } from './redact.js';

/** Paths pino blanks out wherever they appear: secrets never reach a log line. */
export const REDACT_PATHS = [
  'secret',
  '*.secret',
  'token',
  '*.token',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers["x-dte-signature"]',
  'env.DTE_WEBHOOK_SECRET',
  'env.DTE_ADMIN_TOKEN',
  'env.AWS_SECRET_ACCESS_KEY',
];

/** Structured JSON logs on stderr, so that stdout stays for command output (tables, `--json`). */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino(secretSafe({ level, base: { app: 'dte', ...bindings } }), pino.destination(2));
}

/**
 * Logger options that keep secrets out of every line: the paths above blanked, and URL credentials
 * and query values redacted in the line as written (message, fields, bindings, errors alike).
 */
export function secretSafe(options: pino.LoggerOptions): pino.LoggerOptions {
  return {
    ...options,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: { ...options.hooks, streamWrite: redactText },
  };
}
