import type { Config } from '../config/schema.js';
import { redisKeys } from './keys.js';
import type { QueueRuntime } from './runtime.js';

/** Plan jobs in these states belong to a run that has not finished its first half. */
const PENDING = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/**
 * How long a BullMQ run's lease on its date lives without renewal: longer than a job's lock and than
 * the longest backoff between two attempts, so only a run that is really gone loses it.
 */
export function leaseMs(worker: Config['worker']): number {
  return Math.max(60_000, 2 * worker.lock_duration_ms, worker.backoff_ms * 2 ** worker.attempts);
}

/**
 * Takes the lease on `asOf` for `holder` (the run's plan job id) with `SET NX PX`, or keeps it when
 * the holder has it already (a retried plan job). Returns the other holder when someone else has it.
 */
export async function takeDateLease(
  runtime: QueueRuntime,
  asOf: string,
  holder: string,
  ttlMs: number,
): Promise<string | null> {
  const key = redisKeys.dateLease(runtime.prefix, asOf);
  for (let attempt = 0; attempt < 2; attempt++) {
    if ((await runtime.connection.set(key, holder, 'PX', ttlMs, 'NX')) === 'OK') return null;
    const current = await runtime.connection.get(key);
    if (current === holder) {
      await runtime.connection.pexpire(key, ttlMs);
      return null;
    }
    if (current !== null) return current;
  }
  return 'another run';
}

/** Extends the lease of the date's run, if it has one (every job of the run does, while it runs). */
export async function renewDateLease(runtime: QueueRuntime, asOf: string, ttlMs: number): Promise<void> {
  await runtime.connection.pexpire(redisKeys.dateLease(runtime.prefix, asOf), ttlMs);
}

/** Ends the run's lease: it has published (or decided there is nothing to), or failed for good. */
export async function releaseDateLease(runtime: QueueRuntime, asOf: string, holder?: string): Promise<void> {
  const key = redisKeys.dateLease(runtime.prefix, asOf);
  if (holder && (await runtime.connection.get(key)) !== holder) return;
  await runtime.connection.del(key);
}

/**
 * Earlier as-of dates whose run is still in progress: one holding its lease (planned, classifying,
 * publishing), or one whose plan job is still pending (ingesting, or itself waiting its turn).
 */
export async function earlierDatesInProgress(runtime: QueueRuntime, asOf: string): Promise<string[]> {
  const dates = new Set<string>();
  const pattern = redisKeys.dateLease(runtime.prefix, '*');
  let cursor = '0';
  do {
    const [next, keys] = await runtime.connection.scan(cursor, 'MATCH', pattern, 'COUNT', 200);
    cursor = next;
    for (const key of keys) dates.add(key.slice(key.lastIndexOf(':') + 1));
  } while (cursor !== '0');
  for (const job of await runtime.queues.plan.getJobs([...PENDING])) {
    const date = (job?.data as { as_of?: unknown } | undefined)?.as_of;
    if (typeof date === 'string') dates.add(date);
  }
  return [...dates].filter((d) => d < asOf).sort();
}
