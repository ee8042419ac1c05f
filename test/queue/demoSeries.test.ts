import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { readHistory } from '../../src/history/index.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { runInline } from '../../src/runners/inline.js';
import { readLatest } from '../../src/snapshot/catalog.js';
import { historyKeys } from '../../src/snapshot/layout.js';
import { readAll } from '../../src/store/bodies.js';
import { DEMO_DATES } from '../../tools/generator/index.js';
import { tempDir } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { alertRecords, publishedFiles, type Series, seriesContext } from '../support/series.js';
import { eventually, startWorkerProcess, type WorkerProcess } from '../support/workerProcess.js';

let url: string;
let series: Series;
const prefix = uniquePrefix('demo');
const workers: WorkerProcess[] = [];

/** The committed demo series as one configured feed: `national-{as_of}.csv*` (the first is not gzipped). */
beforeAll(async () => {
  url = await testRedisUrl();
  const dir = await tempDir('dte-demo-bullmq-');
  const configFile = path.join(dir, 'dte.yaml');
  await writeFile(
    configFile,
    stringify({
      partitions: 4,
      targets: path.resolve('fixtures/targets.yaml'),
      feeds: [
        {
          id: 'national',
          format: 'vn-dkkd-csv',
          source: { type: 'file', path: path.resolve('fixtures/demo/national-{as_of}.csv*') },
        },
      ],
      worker: { attempts: 3, backoff_ms: 100, lock_duration_ms: 5000, stalled_interval_ms: 2000 },
      // A webhook nothing listens on: every delivery fails, so both runners must record the same failures.
      alerts: {
        webhook: { url: 'http://127.0.0.1:9/hook', timeout_ms: 1000 },
        delivery: { attempts: 3, backoff_ms: 50 },
      },
    }),
  );
  series = { dir, configFile, dates: [...DEMO_DATES] };
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await dropPrefix(url, prefix);
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function scrape(port: number): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      path.resolve('dist/src/cli/main.js'),
      'serve',
      '--config',
      series.configFile,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      env: {
        ...process.env,
        REDIS_URL: url,
        DTE_QUEUE_PREFIX: prefix,
        DTE_STORE: `file:${path.join(series.dir, 'store-bullmq')}`,
        LOG_LEVEL: 'warn',
        DTE_ADMIN_TOKEN: 'test-admin-token-0123456789',
      },
      stdio: 'ignore',
    },
  );
  try {
    return await eventually(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => null);
        return res?.ok ? res.text() : null;
      },
      20_000,
      'dte serve to answer /metrics',
    );
  } finally {
    child.kill('SIGTERM');
  }
}

const sample = (text: string, name: string, labels: string) =>
  Number(new RegExp(`^${name}\\{${labels}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);

describe('the demo series on BullMQ', () => {
  it('two dte worker processes publish every date byte-identical to the inline runner, follow the same after-publish sequence, and /metrics shows every stage', async () => {
    const inlineCtx = await seriesContext(series, `file:${path.join(series.dir, 'store-inline')}`);
    for (const asOf of series.dates) expect((await runInline(inlineCtx, { asOf })).status).toBe('published');
    const inline = await publishedFiles(inlineCtx);

    const store = `file:${path.join(series.dir, 'store-bullmq')}`;
    const start = () => {
      const w = startWorkerProcess({
        config: series.configFile,
        redisUrl: url,
        prefix,
        concurrency: 2,
        env: { DTE_STORE: store },
      });
      workers.push(w);
      return w;
    };
    const [a, b] = [start(), start()];
    await Promise.all([
      a.waitFor((l) => l.msg === 'workers started'),
      b.waitFor((l) => l.msg === 'workers started'),
    ]);
    const runtime = QueueRuntime.open(url, prefix);
    await enqueueRuns(runtime, (await seriesContext(series, store)).config, series.dates);
    const ctx = await seriesContext(series, store);
    const last = series.dates.at(-1)!;
    await eventually(
      async () => (await readLatest(ctx.store))?.as_of === last,
      180_000,
      `latest.json at ${last}`,
    );
    expect(await publishedFiles(ctx)).toEqual(inline);
    // The alerts of the last date are delivered after its publication: wait for the queues to empty.
    await eventually(
      async () => {
        const counts = await Promise.all(
          Object.values(runtime.queues).map((q) =>
            q.getJobCounts('waiting', 'active', 'delayed', 'waiting-children'),
          ),
        );
        return counts.every((c) => Object.values(c).every((n) => n === 0)) ? true : null;
      },
      60_000,
      'the queues to drain',
    );

    // One after-publish sequence: the same alert state, history and failed deliveries both ways.
    const inlineAlerts = await alertRecords(inlineCtx);
    expect(Object.keys(inlineAlerts).some((k) => k.startsWith('alerts/failed/'))).toBe(true);
    expect(Object.keys(inlineAlerts).some((k) => k.startsWith('alerts/history/'))).toBe(true);
    expect(await alertRecords(ctx)).toEqual(inlineAlerts);
    // The history is the sequence's last step: the same bytes both ways, one row per date and unit.
    const historyFiles = async (c: typeof ctx) => {
      const files: Record<string, string> = {};
      for await (const o of c.store.list(historyKeys.root))
        files[o.key] = createHash('sha256')
          .update(await readAll(await c.store.get(o.key)))
          .digest('hex');
      return files;
    };
    expect(Object.keys(await historyFiles(inlineCtx))).toHaveLength(6);
    expect(await historyFiles(ctx)).toEqual(await historyFiles(inlineCtx));
    const provinces = await readHistory(ctx.store, 'provinces');
    expect(provinces).toHaveLength(35 * series.dates.length);
    expect(new Set(provinces.map((r) => `${r.as_of}|${r.code}`)).size).toBe(provinces.length);
    const legacy = await readHistory(ctx.store, 'legacy_provinces');
    expect(new Set(legacy.map((r) => `${r.as_of}|${r.code}`)).size).toBe(legacy.length);
    expect(new Set(legacy.map((r) => r.as_of)).size).toBe(series.dates.length);
    const targets = await readHistory(ctx.store, 'targets');
    expect(new Set(targets.map((r) => `${r.as_of}|${r.target_id}`)).size).toBe(targets.length);
    expect(targets.filter((r) => r.target_id === 'thanh-hoa-kh77').map((r) => r.as_of)).toEqual(series.dates);

    const text = await scrape(await freePort());
    // `trigger` only runs from a cron scheduler; a run put on the queues starts at plan.
    for (const stage of ['ingest', 'plan', 'classify', 'aggregate', 'publish', 'alerts', 'deliver']) {
      expect(sample(text, 'dte_jobs_total', `stage="${stage}",outcome="completed"`), stage).toBeGreaterThan(
        0,
      );
      expect(sample(text, 'dte_job_duration_seconds_count', `stage="${stage}"`), stage).toBeGreaterThan(0);
    }
    expect(sample(text, 'dte_jobs_total', 'stage="ingest",outcome="completed"')).toBe(series.dates.length);
    expect(sample(text, 'dte_rows_total', 'feed="national",kind="read"')).toBeGreaterThan(50_000);
    expect(sample(text, 'dte_rows_total', 'feed="national",kind="rejected"')).toBeGreaterThan(0);
    expect(sample(text, 'dte_alerts_sent_total', 'channel="log"')).toBeGreaterThan(0);
    // Queue depths are there for every queue; no stage failed, only the webhook deliveries did.
    for (const queue of ['plan', 'ingest', 'classify', 'aggregate', 'publish', 'alerts']) {
      expect(sample(text, 'dte_queue_jobs', `queue="${queue}",state="failed"`), queue).toBe(0);
    }
    expect(sample(text, 'dte_queue_jobs', 'queue="deliver",state="failed"')).toBeGreaterThan(0);

    expect(await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')])).toEqual([0, 0]);
    await runtime.close();
  }, 300_000);
});
