import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { jobIds } from '../../jobs/ids.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { runInline } from '../../src/runners/inline.js';
import { readCurrent, readLatest } from '../../src/snapshot/catalog.js';
import { tempDir } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { publishedFiles, type Series, seriesContext, writeSeries } from '../support/series.js';
import { eventually, startWorkerProcess, type WorkerProcess } from '../support/workerProcess.js';

let url: string;
let series: Series;
let inline: Record<string, Record<string, string>>;
const prefixes: string[] = [];
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  url = await testRedisUrl();
  const dir = await tempDir('dte-distributed-');
  // Big enough that a classify job lasts long enough to be killed in the middle of it.
  series = await writeSeries(dir, {
    dates: ['2025-12-31', '2026-03-31', '2026-06-30'],
    rows: 60_000,
    store: 'file:./store-inline',
  });
  const ctx = await seriesContext(series, `file:${path.join(dir, 'store-inline')}`);
  for (const asOf of series.dates) expect((await runInline(ctx, { asOf })).status).toBe('published');
  inline = await publishedFiles(ctx);
}, 180_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  for (const prefix of prefixes) await dropPrefix(url, prefix);
});

async function deployment(name: string) {
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  const store = `file:${path.join(series.dir, `store-${name}`)}`;
  const start = (concurrency = 2) => {
    const w = startWorkerProcess({
      config: series.configFile,
      redisUrl: url,
      prefix,
      concurrency,
      env: { DTE_STORE: store },
    });
    workers.push(w);
    return w;
  };
  return {
    prefix,
    store,
    start,
    ctx: await seriesContext(series, store),
    runtime: QueueRuntime.open(url, prefix),
  };
}

async function publishedUpTo(d: Awaited<ReturnType<typeof deployment>>, asOf: string, timeoutMs = 120_000) {
  await eventually(
    async () => (await readLatest(d.ctx.store))?.as_of === asOf,
    timeoutMs,
    `latest.json at ${asOf}`,
  );
  return publishedFiles(d.ctx);
}

describe('the run on BullMQ with real worker processes', () => {
  it('two workers publish data files byte-identical to the inline runner, oldest first, and stop cleanly on SIGTERM', async () => {
    const d = await deployment('parity');
    const [a, b] = [d.start(), d.start()];
    await Promise.all([
      a.waitFor((l) => l.msg === 'workers started'),
      b.waitFor((l) => l.msg === 'workers started'),
    ]);
    const enqueued = await enqueueRuns(d.runtime, d.ctx.config, series.dates);
    expect(enqueued.status).toBe('added');
    expect(await publishedUpTo(d, '2026-06-30')).toEqual(inline);
    const done = [...a.lines, ...b.lines].filter((l) => l.msg === 'job done');
    for (const stage of ['ingest', 'plan', 'classify', 'aggregate', 'publish', 'alerts']) {
      expect(
        done.some((l) => l.stage === stage),
        stage,
      ).toBe(true);
    }
    // Both processes took work.
    expect(a.lines.some((l) => l.msg === 'job done')).toBe(true);
    expect(b.lines.some((l) => l.msg === 'job done')).toBe(true);
    expect(await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')])).toEqual([0, 0]);
    await d.runtime.close();
  }, 240_000);

  it('recovers a classify job whose worker was SIGKILLed in the middle of it: same files, no double counts', async () => {
    const d = await deployment('sigkill');
    const victim = d.start(1);
    await victim.waitFor((l) => l.msg === 'workers started');
    await enqueueRuns(d.runtime, d.ctx.config, [series.dates[0]!]);
    const started = await victim.waitFor((l) => l.msg === 'job started' && l.stage === 'classify', 120_000);
    victim.child.kill('SIGKILL');
    await victim.stop('SIGKILL');
    expect(victim.lines.some((l) => l.msg === 'job done' && l.jobId === started.jobId)).toBe(false);
    const rescuer = d.start(2);
    const files = await publishedUpTo(d, series.dates[0]!);
    expect(files[series.dates[0]!]).toEqual(inline[series.dates[0]!]);
    // The killed job ran again to completion on the other worker.
    expect(rescuer.lines.some((l) => l.msg === 'job done' && l.jobId === started.jobId)).toBe(true);
    await rescuer.stop();
    await d.runtime.close();
  }, 240_000);

  it('completes the run when Redis drops every connection of the deployment mid-run (CLIENT KILL)', async () => {
    const d = await deployment('clientkill');
    const w = d.start(2);
    await w.waitFor((l) => l.msg === 'workers started');
    await enqueueRuns(d.runtime, d.ctx.config, [series.dates[0]!]);
    await w.waitFor((l) => l.msg === 'job started' && l.stage === 'classify', 120_000);
    const admin = new Redis(url);
    const list = (await admin.call('CLIENT', 'LIST')) as string;
    const ids = list
      .split('\n')
      .filter((line) => line.includes(`name=${d.prefix}:worker`))
      .map((line) => /(?:^|\s)id=(\d+)/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) await admin.call('CLIENT', 'KILL', 'ID', id);
    admin.disconnect();
    const files = await publishedUpTo(d, series.dates[0]!);
    expect(files[series.dates[0]!]).toEqual(inline[series.dates[0]!]);
    await w.stop();
    await d.runtime.close();
  }, 240_000);

  it('fails a run whose file cannot be read, visibly, without publishing: latest.json stays where it was', async () => {
    const d = await deployment('badfile');
    const w = d.start(2);
    await enqueueRuns(d.runtime, d.ctx.config, [series.dates[0]!]);
    await publishedUpTo(d, series.dates[0]!);
    const latestBefore = await readLatest(d.ctx.store);
    // A date whose export is a truncated gzip.
    const { readFile, writeFile } = await import('node:fs/promises');
    const good = await readFile(path.join(series.dir, `national-${series.dates[1]}.csv.gz`));
    await writeFile(
      path.join(series.dir, 'national-2026-01-15.csv.gz'),
      good.subarray(0, Math.floor(good.length / 2)),
    );
    await enqueueRuns(d.runtime, d.ctx.config, ['2026-01-15']);
    const plan = await eventually(
      async () => {
        const job = await d.runtime.queues.plan.getJob(jobIds.plan('2026-01-15', ['national']));
        return job && (await job.getState()) === 'failed' ? job : null;
      },
      60_000,
      'the plan job to fail',
    );
    expect(plan.failedReason).toMatch(/national/);
    const failedIngest = w.lines.find((l) => l.msg === 'job failed' && l.stage === 'ingest');
    expect(failedIngest?.attempt).toBe(1); // not retried: a truncated file stays truncated
    expect(await readCurrent(d.ctx.store, '2026-01-15')).toBeNull();
    expect(await readLatest(d.ctx.store)).toEqual(latestBefore);
    await w.stop();
    await d.runtime.close();
  }, 240_000);
});
