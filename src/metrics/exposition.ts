import { AggregatorRegistry, collectDefaultMetrics, Registry } from 'prom-client';
import type { QueueRuntime } from '../queue/runtime.js';
import { STAGES } from '../queue/stages.js';
import { DURATION_BUCKETS, metricKeys } from './record.js';

/** prom-client's JSON form of a metric (`getMetricsAsJSON()`), which `AggregatorRegistry` renders. */
interface Sample {
  value: number;
  labels: Record<string, string>;
  metricName?: string;
}
interface Metric {
  name: string;
  type: 'gauge' | 'counter' | 'histogram';
  help: string;
  values: Sample[];
  aggregator: 'sum';
}
type MetricJson = Parameters<typeof AggregatorRegistry.aggregate>[0][number];

function metric(name: string, type: Metric['type'], help: string, values: Sample[]): Metric {
  return { name, type, help, values, aggregator: 'sum' };
}

/** `a|b` hash fields as label sets, sorted so that the text is stable. */
function labelled(hash: Record<string, string>, names: string[], keep = (_f: string) => true): Sample[] {
  return Object.entries(hash)
    .filter(([field]) => keep(field))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([field, n]) => {
      const parts = field.split('|');
      return { value: Number(n), labels: Object.fromEntries(names.map((name, i) => [name, parts[i] ?? ''])) };
    });
}

/** The `sent|<channel>` or `failed|<channel>` fields of the alerts hash, labelled by channel. */
function byChannel(hash: Record<string, string>, outcome: 'sent' | 'failed'): Sample[] {
  return labelled(hash, ['outcome', 'channel'], (f) => f.startsWith(`${outcome}|`)).map(
    ({ value, labels }) => ({
      value,
      labels: { channel: labels.channel ?? '' },
    }),
  );
}

async function queueDepths(runtime: QueueRuntime): Promise<Sample[]> {
  const values: Sample[] = [];
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
      values.push({ value: n, labels: { queue: stage, state } });
  }
  return values;
}

function durations(hash: Record<string, string>): Sample[] {
  const values: Sample[] = [];
  for (const stage of STAGES) {
    const count = hash[`${stage}|count`];
    if (count === undefined) continue;
    const bucket = (le: string, n: string | undefined) =>
      values.push({
        value: Number(n ?? 0),
        labels: { stage, le },
        metricName: 'dte_job_duration_seconds_bucket',
      });
    for (const b of DURATION_BUCKETS) bucket(String(b), hash[`${stage}|le|${b}`]);
    bucket('+Inf', count);
    values.push({
      value: Number(hash[`${stage}|sum`] ?? 0),
      labels: { stage },
      metricName: 'dte_job_duration_seconds_sum',
    });
    values.push({ value: Number(count), labels: { stage }, metricName: 'dte_job_duration_seconds_count' });
  }
  return values;
}

/** The serving process's own runtime metrics (event loop, memory), with prom-client's defaults. */
const own = new Registry();
collectDefaultMetrics({ register: own, prefix: 'dte_serve_' });

/**
 * The fleet's metrics in Prometheus text format, rendered by prom-client at scrape time: queue
 * depths straight from BullMQ; job counts, durations, rows and alert deliveries from the counters
 * every worker process adds to in Redis (`record.ts`), so that one scrape sees the whole fleet.
 */
export async function fleetMetrics(runtime: QueueRuntime | null): Promise<string> {
  const metrics: Metric[] = [];
  if (runtime) {
    const keys = metricKeys(runtime.prefix);
    const redis = runtime.connection;
    const [jobs, duration, rows, alerts] = await Promise.all([
      redis.hgetall(keys.jobs),
      redis.hgetall(keys.duration),
      redis.hgetall(keys.rows),
      redis.hgetall(keys.alerts),
    ]);
    metrics.push(
      metric('dte_queue_jobs', 'gauge', 'Jobs per queue and state.', await queueDepths(runtime)),
      metric(
        'dte_jobs_total',
        'counter',
        'Jobs finished per stage and outcome (completed, retried, failed).',
        labelled(jobs, ['stage', 'outcome']),
      ),
      metric('dte_job_duration_seconds', 'histogram', 'Job duration per stage.', durations(duration)),
      metric(
        'dte_rows_total',
        'counter',
        'Rows read, accepted and rejected per feed.',
        labelled(rows, ['feed', 'kind']),
      ),
      metric(
        'dte_alerts_sent_total',
        'counter',
        'Alert notifications delivered per channel.',
        byChannel(alerts, 'sent'),
      ),
      metric(
        'dte_alert_delivery_failures_total',
        'counter',
        'Alert deliveries that exhausted their retries.',
        byChannel(alerts, 'failed'),
      ),
    );
  }
  // The JSON form is prom-client's own cluster format; its declared type asks for fields it never reads.
  const registry = AggregatorRegistry.aggregate([
    metrics as unknown as MetricJson,
    await own.getMetricsAsJSON(),
  ]);
  return registry.metrics();
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
