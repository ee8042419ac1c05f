import { createRequire } from 'node:module';
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

/**
 * Logs on stderr, so that stdout stays for command output (tables, `--json`): JSON lines for a log
 * collector, or colourised lines through pino-pretty when a person watches a terminal.
 */
export function createLogger(
  level: string,
  bindings: Record<string, unknown> = {},
  stderr: { isTTY?: boolean } = process.stderr,
): Logger {
  const options = secretSafe({ level, base: { app: 'dte', ...bindings } });
  return pino(options, stderr.isTTY ? prettyStream() : pino.destination(2));
}

/** Loaded only for a terminal, so that workers and scripts never pay for the prettifier. */
function prettyStream(): pino.DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => pino.DestinationStream;
  return pretty({ destination: 2, sync: true, ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' });
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
