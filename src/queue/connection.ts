import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { DteError } from '../domain/errors.js';
import { redactText } from '../logging/redact.js';

/** Redis cannot be reached: a command that needs it fails with this instead of waiting. */
export class RedisUnavailableError extends DteError {}

export interface ConnectOptions {
  /** Where reconnect attempts are reported, one line each; none: they are only counted. */
  logger?: Logger;
  /** Commands fail after one reconnect instead of waiting for Redis (serve, CLI); workers wait. */
  failFast?: boolean;
}

/** Waits between reconnect attempts: doubling from 250 ms up to 10 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(250 * 2 ** Math.max(0, attempt - 1), 10_000);
}

/**
 * A Redis connection as BullMQ needs it. Workers' commands wait for a reconnect instead of failing
 * (`maxRetriesPerRequest: null`); the connection is named after the deployment's key prefix so
 * that an operator (or a test) can find it in `CLIENT LIST`. Every failed attempt to connect is one
 * log line (never a stack trace), with the wait before the next.
 */
export function connectRedis(url: string, name: string, options: ConnectOptions = {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: options.failFast ? 1 : null,
    enableReadyCheck: true,
    connectTimeout: 2000,
    retryStrategy: reconnectDelay,
    connectionName: name.replace(/[^A-Za-z0-9_.:-]/g, '_'),
  });
  watchConnection(redis, url, options.logger);
  return redis;
}

/** Reports a connection's failures and recovery, one line per reconnect attempt. */
function watchConnection(redis: Redis, url: string, logger: Logger | undefined): void {
  const where = redactText(url);
  let lastError = '';
  let down = false;
  redis.on('error', (error: Error & { code?: string }) => {
    lastError = error.code ?? error.message;
  });
  redis.on('reconnecting', (delayMs: number) => {
    down = true;
    logger?.warn({ redis: where, cause: lastError, retryInMs: delayMs }, 'redis unreachable: reconnecting');
  });
  redis.on('ready', () => {
    if (down) logger?.info({ redis: where }, 'redis connection restored');
    down = false;
  });
}

/** Whether an error is Redis being unreachable (reported by the connection), not a failure of its own. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE'].includes(code) ||
    /Connection is closed|connect ETIMEDOUT|ECONNREFUSED|Stream isn't writeable|Reached the max retries/i.test(
      message,
    )
  );
}

/** Settles once the connection is ready; fails with one clear line if it is not within `ms`. */
export async function waitForRedis(redis: Redis, url: string, ms: number): Promise<void> {
  if (redis.status === 'ready') return;
  let cause = '';
  const onError = (error: Error & { code?: string }) => {
    cause = error.code ?? error.message;
  };
  redis.on('error', onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.off('ready', ready);
        reject(
          new RedisUnavailableError(
            `cannot reach Redis at ${redactText(url)} within ${ms / 1000} s${cause ? ` (${cause})` : ''}`,
          ),
        );
      }, ms);
      const ready = () => {
        clearTimeout(timer);
        resolve();
      };
      redis.once('ready', ready);
    });
  } finally {
    redis.off('error', onError);
  }
}

/** `promise`, or a `RedisUnavailableError` once `ms` have passed without it settling. */
export async function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RedisUnavailableError(`${what}: Redis did not answer within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
