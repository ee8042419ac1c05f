import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { fleetMetrics } from '../../src/metrics/exposition.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { readLatest } from '../../src/snapshot/catalog.js';
import { tempDir } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { type Series, seriesContext } from '../support/series.js';
import { eventually, startWorkerProcess, type WorkerProcess } from '../support/workerProcess.js';

let url: string;
let series: Series;
let receiver: Server;
let attempts = 0;
const prefix = uniquePrefix('deliveryfail');
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  url = await testRedisUrl();
  // A webhook receiver that is always down.
  receiver = createServer((req, res) => {
    attempts++;
    req.resume();
    res.writeHead(503).end('down for maintenance');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  const dir = await tempDir('dte-delivery-fail-');
  const configFile = path.join(dir, 'dte.yaml');
  await writeFile(
    configFile,
    stringify({
      store: `file:${path.join(dir, 'store')}`,
      partitions: 2,
      targets: path.resolve('fixtures/targets.yaml'),
      feeds: [
        {
          id: 'national',
          format: 'vn-dkkd-csv',
          source: { type: 'file', path: path.resolve('fixtures/demo/national-{as_of}.csv*') },
        },
      ],
      alerts: { webhook: { url: `http://127.0.0.1:${port}/hook`, secret: 'hook-secret', timeout_ms: 2000 } },
      worker: { attempts: 3, backoff_ms: 50, lock_duration_ms: 5000, stalled_interval_ms: 2000 },
    }),
  );
  series = { dir, configFile, dates: ['2023-06-30', '2023-12-31', '2024-06-30'] };
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  receiver.close();
  await dropPrefix(url, prefix);
});

describe('a webhook that never accepts, on BullMQ', () => {
  it('leaves failed deliver jobs and a failure metric, and the run still publishes', async () => {
    const w = startWorkerProcess({ config: series.configFile, redisUrl: url, prefix, concurrency: 2 });
    workers.push(w);
    await w.waitFor((l) => l.msg === 'workers started');
    const runtime = QueueRuntime.open(url, prefix);
    const ctx = await seriesContext(series, `file:${path.join(series.dir, 'store')}`);
    await enqueueRuns(runtime, ctx.config, series.dates);
    await eventually(
      async () => (await readLatest(ctx.store))?.as_of === '2024-06-30',
      90_000,
      'the runs to publish',
    );
    // Every notification goes to log and webhook: the log deliveries succeed, the webhook ones fail for good.
    const failed = await eventually(
      async () => {
        const text = await fleetMetrics(runtime);
        const alertsDone = /^dte_jobs_total\{stage="alerts",outcome="completed"\} 3$/m.test(text);
        const pending = await runtime.queues.deliver.getJobCounts('waiting', 'active', 'delayed');
        const jobs = await runtime.queues.deliver.getFailed();
        const logDone = text.match(/^dte_alerts_sent_total\{channel="log"\} (\d+)$/m);
        const settled = alertsDone && Object.values(pending).every((n) => n === 0);
        return settled && jobs.length > 0 && logDone && jobs.length === Number(logDone[1]) ? jobs : null;
      },
      60_000,
      "every date's alerts, and every webhook delivery to fail for good",
    );
    expect(failed.every((j) => j.attemptsMade === 3)).toBe(true);
    expect(failed.every((j) => /503/.test(j.failedReason))).toBe(true);
    expect(attempts).toBe(3 * failed.length);
    const text = await fleetMetrics(runtime);
    expect(text).toMatch(
      new RegExp(`^dte_alert_delivery_failures_total\\{channel="webhook"\\} ${failed.length}$`, 'm'),
    );
    expect(text).toMatch(/^dte_queue_jobs\{queue="deliver",state="failed"\} [1-9]\d*$/m);
    // The pipeline did not wait for the deliveries: the snapshot is there, and alerts completed.
    expect(text).toMatch(/^dte_jobs_total\{stage="alerts",outcome="completed"\} 3$/m);
    expect(await w.stop('SIGTERM')).toBe(0);
    await runtime.close();
  }, 180_000);
});
