import { execFile } from 'node:child_process';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { blockedQueued, listQueuedRuns, retryQueued } from '../../jobs/queuedRuns.js';
import type { PipelineContext } from '../../src/context/context.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { type RunRecord, runRecordSchema } from '../../src/runs/record.js';
import { readLatest } from '../../src/snapshot/catalog.js';
import { startWorkers, stopWorkers } from '../../workers/index.js';
import { tempDir } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { type Series, seriesContext, writeSeries } from '../support/series.js';
import { eventually } from '../support/workerProcess.js';

const DATES = ['2026-05-31', '2026-06-30', '2026-07-31'];
const prefix = uniquePrefix('runs-queued');
let url: string;
let series: Series;
let ctx: PipelineContext;
let runtime: QueueRuntime;
let workers: ReturnType<typeof startWorkers>;

let store: string;

/** `dte …` from the built CLI on this test's Redis prefix and store. */
async function dte(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(
    process.execPath,
    ['dist/src/cli/main.js', ...args, '--config', series.configFile],
    {
      env: {
        ...process.env,
        REDIS_URL: url,
        DTE_QUEUE_PREFIX: prefix,
        DTE_STORE: store,
        LOG_LEVEL: 'silent',
      },
    },
  );
}

const inputOf = (asOf: string) => path.join(series.dir, `national-${asOf}.csv.gz`);
const summary = (runs: RunRecord[]) => runs.map((r) => [r.as_of, r.status, r.trigger, r.waiting_for]);

beforeAll(async () => {
  url = await testRedisUrl();
  const dir = await tempDir('dte-runs-queued-');
  store = `file:${path.join(dir, 'store')}`;
  // One attempt: a missing export fails its date at once.
  series = await writeSeries(dir, { dates: DATES, rows: 300, store, worker: { attempts: 1 } });
  ctx = await seriesContext(series, store);
  runtime = QueueRuntime.open(url, prefix);
  workers = startWorkers(ctx, runtime, { concurrency: 2 });
}, 60_000);
afterAll(async () => {
  await stopWorkers(workers ?? []);
  await runtime?.close();
  await dropPrefix(url, prefix);
});

describe('distributed runs read from BullMQ', () => {
  it('show a failed backfill date, the later dates waiting for it, and a retry that runs them in order', async () => {
    await rename(inputOf(DATES[1]!), `${inputOf(DATES[1]!)}.away`);
    await enqueueRuns(runtime, ctx.config, DATES, undefined, 'backfill');
    await eventually(
      async () => {
        const all = await listQueuedRuns(runtime);
        const statuses = all.map((r) => r.status);
        return statuses[0] === 'published' && statuses[1] === 'failed';
      },
      60_000,
      'the second date failing',
    );
    const runs = await listQueuedRuns(runtime);
    for (const run of runs) runRecordSchema.parse(run);
    expect(summary(runs)).toEqual([
      [DATES[0], 'published', 'backfill', null],
      [DATES[1], 'failed', 'backfill', null],
      [DATES[2], 'waiting', 'backfill', DATES[1]],
    ]);
    const [published, failed] = runs;
    expect(published).toMatchObject({ runner: 'bullmq', rows: 300, error: null, feed_ids: ['national'] });
    expect(published!.run_id).toBe((await readLatest(ctx.store))?.run_id);
    expect(published!.stages.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    expect(published!.duration_ms).toBeGreaterThan(0);
    expect(failed!.stages.map((s) => s.status)).toEqual([
      'failed',
      'failed',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(failed!.error).toMatch(/export file not found/);
    expect(await listQueuedRuns(runtime, DATES[2])).toHaveLength(1);
    expect(await blockedQueued(runtime)).toBe(DATES[1]);
    // The CLI shows the queues' runs (the store has none: workers do not record there).
    const listed = runRecordSchema.array().parse(JSON.parse((await dte('runs', 'list', '--json')).stdout));
    expect(summary(listed)).toEqual(summary(runs));

    await rename(`${inputOf(DATES[1]!)}.away`, inputOf(DATES[1]!));
    const retried = JSON.parse((await dte('runs', 'retry', DATES[1]!, '--json')).stdout);
    expect(retried).toEqual({
      as_of: DATES[1],
      runner: 'bullmq',
      dates: [DATES[1], DATES[2]],
      status: 'added',
      failed: null,
      waiting: [],
    });
    await eventually(
      async () => (await readLatest(ctx.store))?.as_of === DATES[2],
      60_000,
      'the last date published',
    );
    await eventually(
      async () => (await listQueuedRuns(runtime)).every((r) => r.status === 'published'),
      10_000,
      'every run finished',
    );
    expect(summary(await listQueuedRuns(runtime))).toEqual([
      [DATES[0], 'published', 'backfill', null],
      [DATES[1], 'published', 'backfill', null],
      [DATES[2], 'published', 'backfill', null],
    ]);
    expect(await blockedQueued(runtime)).toBeNull();
    await expect(retryQueued(runtime, ctx.config, DATES[1]!)).rejects.toThrow(/no failed run of 2026-06-30/);

    // A scheduler's job starts the run of the day before in Vietnam (no export for it here: it fails).
    await runtime.queues.trigger.add('trigger', { feed_id: 'national' });
    const scheduled = await eventually(
      async () =>
        (await listQueuedRuns(runtime)).find((r) => r.trigger === 'schedule' && r.status === 'failed'),
      30_000,
      'the scheduled run',
    );
    expect(scheduled.as_of > DATES[2]!).toBe(true);
  }, 120_000);
});

describe('a distributed run that fails after its plan', () => {
  it('shows the failed stage, and a retry replaces the failed jobs and publishes', async () => {
    const classifyPrefix = uniquePrefix('runs-classify');
    const rt = QueueRuntime.open(url, classifyPrefix);
    const dir = await tempDir('dte-runs-classify-');
    const target = `file:${path.join(dir, 'store')}`;
    const s = await writeSeries(dir, {
      dates: ['2026-08-31'],
      rows: 300,
      store: target,
      worker: { attempts: 1 },
    });
    const c = await seriesContext(s, target);
    let broken = true;
    const ws = startWorkers(c, rt, {
      concurrency: 2,
      wrap: (stage, processor) =>
        stage !== 'classify'
          ? processor
          : async (job) => {
              if (broken && job.data.partition === 1) throw new Error('injected classify failure');
              return processor(job);
            },
    });
    try {
      await enqueueRuns(rt, c.config, ['2026-08-31']);
      const failed = await eventually(
        async () =>
          (await listQueuedRuns(rt)).find((r) => r.status === 'failed' && r.stages[5]?.status === 'failed'),
        60_000,
        'the run failing',
      );
      expect(failed.trigger).toBe('enqueue');
      expect(failed.run_id).toMatch(/^[0-9a-f]{16}$/);
      expect(failed.stages.map((st) => [st.stage, st.status])).toEqual([
        ['ingest', 'done'],
        ['plan', 'done'],
        ['classify', 'failed'],
        ['aggregate', 'failed'],
        ['publish', 'failed'],
        ['alerts', 'failed'],
      ]);
      expect(failed.error).toBe('injected classify failure');
      broken = false;
      expect((await retryQueued(rt, c.config, '2026-08-31')).status).toBe('added');
      await eventually(
        async () => (await readLatest(c.store))?.as_of === '2026-08-31',
        60_000,
        'publication',
      );
      const [done] = await eventually(async () => {
        const runs = await listQueuedRuns(rt);
        return runs[0]?.status === 'published' ? runs : null;
      }, 10_000);
      expect(done?.run_id).toBe(failed.run_id);
    } finally {
      await stopWorkers(ws);
      await rt.close();
      await dropPrefix(url, classifyPrefix);
    }
  }, 120_000);
});
