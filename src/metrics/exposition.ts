import type { Redis } from 'ioredis';
import { STAGES } from '../../jobs/names.js';
import type { QueueRuntime } from '../queue/runtime.js';
import { DURATION_BUCKETS, metricKeys } from './record.js';

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function family(
  name: string,
  type: 'gauge' | 'counter' | 'histogram',
  help: string,
  samples: string[],
): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${samples.join('\n')}${samples.length > 0 ? '\n' : ''}`;
}

/**
 * The fleet's metrics in Prometheus text format, read at scrape time: queue depths straight from
 * BullMQ, job counts, durations, rows and alert deliveries from the counters the workers keep.
 */
export async function fleetMetrics(runtime: QueueRuntime): Promise<string> {
  const redis: Redis = runtime.connection;
  const keys = metricKeys(runtime.prefix);
  const depth: string[] = [];
  for (const stage of STAGES) {
    const counts = await runtime.queues[stage].getJobCounts(
      'waiting',
      'active',
      'delayed',
      'failed',
      'completed',
      'waiting-children',
      'prioritized',
    );
    for (const [state, n] of Object.entries(counts))
      depth.push(`dte_queue_jobs{queue="${stage}",state="${state}"} ${n}`);
  }
  const [jobs, duration, rows, alerts] = await Promise.all([
    redis.hgetall(keys.jobs),
    redis.hgetall(keys.duration),
    redis.hgetall(keys.rows),
    redis.hgetall(keys.alerts),
  ]);
  const jobSamples = Object.entries(jobs).map(([field, n]) => {
    const [stage, outcome] = field.split('|');
    return `dte_jobs_total{stage="${esc(stage ?? '')}",outcome="${esc(outcome ?? '')}"} ${n}`;
  });
  const histogram: string[] = [];
  for (const stage of STAGES) {
    const count = duration[`${stage}|count`];
    if (count === undefined) continue;
    for (const b of DURATION_BUCKETS)
      histogram.push(
        `dte_job_duration_seconds_bucket{stage="${stage}",le="${b}"} ${duration[`${stage}|le|${b}`] ?? 0}`,
      );
    histogram.push(`dte_job_duration_seconds_bucket{stage="${stage}",le="+Inf"} ${count}`);
    histogram.push(`dte_job_duration_seconds_sum{stage="${stage}"} ${duration[`${stage}|sum`] ?? 0}`);
    histogram.push(`dte_job_duration_seconds_count{stage="${stage}"} ${count}`);
  }
  const rowSamples = Object.entries(rows).map(([field, n]) => {
    const [feed, kind] = field.split('|');
    return `dte_rows_total{feed="${esc(feed ?? '')}",kind="${esc(kind ?? '')}"} ${n}`;
  });
  const sent = Object.entries(alerts)
    .filter(([f]) => f.startsWith('sent|'))
    .map(([f, n]) => `dte_alerts_sent_total{channel="${esc(f.slice(5))}"} ${n}`);
  const failed = Object.entries(alerts)
    .filter(([f]) => f.startsWith('failed|'))
    .map(([f, n]) => `dte_alert_delivery_failures_total{channel="${esc(f.slice(7))}"} ${n}`);
  return [
    family('dte_queue_jobs', 'gauge', 'Jobs per queue and state.', depth),
    family(
      'dte_jobs_total',
      'counter',
      'Jobs finished per stage and outcome (completed, retried, failed).',
      jobSamples.sort(),
    ),
    family('dte_job_duration_seconds', 'histogram', 'Job duration per stage.', histogram),
    family('dte_rows_total', 'counter', 'Rows read, accepted and rejected per feed.', rowSamples.sort()),
    family('dte_alerts_sent_total', 'counter', 'Alert notifications delivered per channel.', sent),
    family(
      'dte_alert_delivery_failures_total',
      'counter',
      'Alert deliveries that exhausted their retries.',
      failed,
    ),
  ].join('');
}
