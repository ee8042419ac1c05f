import type { Redis } from 'ioredis';

/** Upper bounds (seconds) of the job duration histogram. */
export const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export const metricKeys = (prefix: string) => ({
  jobs: `${prefix}:metrics:jobs`,
  duration: `${prefix}:metrics:duration`,
  rows: `${prefix}:metrics:rows`,
  alerts: `${prefix}:metrics:alerts`,
});

export interface JobEvent {
  stage: string;
  ms: number;
  ok: boolean;
  /** No retries left: the job has failed for good. */
  final: boolean;
  result: unknown;
  channel?: string;
}

/**
 * Every worker process adds its jobs to counters in Redis, so that one scrape of `dte serve` sees
 * the whole fleet however many workers run, and nothing is lost when a worker restarts.
 */
export async function recordJob(redis: Redis, prefix: string, event: JobEvent): Promise<void> {
  const keys = metricKeys(prefix);
  const seconds = event.ms / 1000;
  const multi = redis.multi();
  multi.hincrby(
    keys.jobs,
    `${event.stage}|${event.ok ? 'completed' : event.final ? 'failed' : 'retried'}`,
    1,
  );
  for (const bound of DURATION_BUCKETS)
    if (seconds <= bound) multi.hincrby(keys.duration, `${event.stage}|le|${bound}`, 1);
  multi.hincrby(keys.duration, `${event.stage}|count`, 1);
  multi.hincrbyfloat(keys.duration, `${event.stage}|sum`, seconds);
  const r = (event.result ?? {}) as {
    feed_id?: string;
    rows_read?: number;
    valid?: number;
    rejected?: number;
  };
  if (event.ok && event.stage === 'ingest' && r.feed_id) {
    multi.hincrby(keys.rows, `${r.feed_id}|read`, r.rows_read ?? 0);
    multi.hincrby(keys.rows, `${r.feed_id}|accepted`, r.valid ?? 0);
    multi.hincrby(keys.rows, `${r.feed_id}|rejected`, r.rejected ?? 0);
  }
  if (event.stage === 'deliver' && event.channel) {
    if (event.ok) multi.hincrby(keys.alerts, `sent|${event.channel}`, 1);
    else if (event.final) multi.hincrby(keys.alerts, `failed|${event.channel}`, 1);
  }
  await multi.exec();
}
