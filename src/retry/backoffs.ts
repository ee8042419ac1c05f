import pRetry, { AbortError } from 'p-retry';

/** Every retry outside BullMQ (HTTP sources, inline deliveries) goes through here: one backoff rule. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the second attempt; it doubles after each further one. */
  baseMs: number;
}

export interface RetryHooks {
  /** False stops retrying: the error is final (a 404, a rejected file). */
  retryable?: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number) => void;
}

/** The wait before attempt `attempt + 1` (1-based), as BullMQ's `exponential` backoff computes it. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return policy.baseMs * 2 ** (attempt - 1);
}

/** Runs `fn` until it succeeds or the attempts run out; the last error is thrown as it was. */
export function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
) {
  return pRetry(
    async (attempt) => {
      try {
        return await fn(attempt);
      } catch (error) {
        if (hooks.retryable && !hooks.retryable(error)) throw new AbortError(errorOf(error));
        throw errorOf(error);
      }
    },
    {
      retries: Math.max(0, policy.attempts - 1),
      factor: 2,
      minTimeout: policy.baseMs,
      maxTimeout: Number.POSITIVE_INFINITY,
      randomize: false,
      onFailedAttempt: (error) => {
        if (error.retriesLeft > 0) hooks.onRetry?.(error, error.attemptNumber);
      },
    },
  ) as Promise<T>;
}

/** p-retry needs Error instances; anything else thrown is wrapped with its text. */
function errorOf(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
