import { type Logger, pino } from 'pino';

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
  return pino(
    { level, base: { app: 'dte', ...bindings }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    pino.destination(2),
  );
}
