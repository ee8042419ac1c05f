import path from 'node:path';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { runInline } from '../../src/runners/inline.js';
import { readLatest } from '../../src/snapshot/catalog.js';
import { startWorkers, stopWorkers } from '../../workers/index.js';
import { tempDir } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { publishedFiles, type Series, seriesContext, writeSeries } from '../support/series.js';
import { eventually } from '../support/workerProcess.js';

let url: string;
let series: Series;
const prefix = uniquePrefix('retry');

beforeAll(async () => {
  url = await testRedisUrl();
  series = await writeSeries(await tempDir('dte-retry-'), {
    dates: ['2026-03-31'],
    rows: 2_000,
    store: 'file:./store',
    worker: { backoff_ms: 300 },
  });
}, 60_000);
afterAll(() => dropPrefix(url, prefix));

describe('a stage that throws twice, then succeeds', () => {
  it('is retried with exponential backoff and the run publishes the same files as inline', async () => {
    const ctx = await seriesContext(series, `file:${path.join(series.dir, 'store-bullmq')}`);
    const runtime = QueueRuntime.open(url, prefix);
    const attempts: Array<{ at: number; attemptsMade: number }> = [];
    const workers = startWorkers(ctx, runtime, {
      concurrency: 2,
      wrap: (stage, processor) =>
        stage !== 'aggregate'
          ? processor
          : async (job: Job) => {
              attempts.push({ at: Date.now(), attemptsMade: job.attemptsMade });
              if (attempts.length <= 2) throw new Error(`injected failure ${attempts.length}`);
              return processor(job);
            },
    });
    try {
      await enqueueRuns(runtime, ctx.config, series.dates);
      await eventually(
        async () => (await readLatest(ctx.store))?.as_of === '2026-03-31',
        60_000,
        'publication',
      );
      expect(attempts.map((a) => a.attemptsMade)).toEqual([0, 1, 2]);
      // Exponential: the second wait is about twice the first (300 ms, then 600 ms).
      const [first, second, third] = attempts.map((a) => a.at);
      expect(second! - first!).toBeGreaterThanOrEqual(290);
      expect(third! - second!).toBeGreaterThanOrEqual(590);
      const inlineCtx = await seriesContext(series, `file:${path.join(series.dir, 'store-inline')}`);
      await runInline(inlineCtx, { asOf: '2026-03-31' });
      expect(await publishedFiles(ctx)).toEqual(await publishedFiles(inlineCtx));
    } finally {
      await stopWorkers(workers);
      await runtime.close();
    }
  }, 120_000);
});
