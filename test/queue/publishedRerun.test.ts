import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { jobIds } from '../../jobs/ids.js';
import type { PipelineContext } from '../../src/context/context.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { runInline } from '../../src/runners/inline.js';
import type { ObjectStore } from '../../src/store/objectStore.js';
import { startWorkers, stopWorkers } from '../../workers/index.js';
import { tempDir } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { seriesContext, writeSeries } from '../support/series.js';
import { eventually } from '../support/workerProcess.js';

let url: string;
const prefix = uniquePrefix('published-rerun');
beforeAll(async () => {
  url = await testRedisUrl();
});
afterAll(() => dropPrefix(url, prefix));

/** The context's store with the key of every object written, hashed or not. */
function watched(ctx: PipelineContext): { ctx: PipelineContext; written: string[] } {
  const written: string[] = [];
  const s = ctx.store;
  const store: ObjectStore = {
    url: s.url,
    put: (key, body, options) => {
      written.push(key);
      return s.put(key, body, options);
    },
    putUnhashed: (key, body, options) => {
      written.push(key);
      return s.putUnhashed(key, body, options);
    },
    putIfAbsent: (key, body) => {
      written.push(key);
      return s.putIfAbsent(key, body);
    },
    get: (key) => s.get(key),
    head: (key) => s.head(key),
    list: (p) => s.list(p),
    removeTemporary: (p, ms) => s.removeTemporary(p, ms),
    delete: (key) => s.delete(key),
    presignGet: (key, seconds) => s.presignGet(key, seconds),
    close: () => s.close(),
  };
  return { ctx: { ...ctx, store }, written };
}

describe('a rerun of a published date on BullMQ (issue 21, item 4)', () => {
  it('is decided already published from the hashes of the fetched bytes, with nothing parsed or written under work/', async () => {
    const dir = await tempDir('dte-published-rerun-');
    const store = `file:${path.join(dir, 'store')}`;
    const asOf = '2026-06-30';
    const series = await writeSeries(dir, { dates: [asOf], rows: 2_000, store });
    const published = await runInline(await seriesContext(series, store), { asOf });
    expect(published.status).toBe('published');
    const { ctx, written } = watched(await seriesContext(series, store));
    const runtime = QueueRuntime.open(url, prefix);
    const workers = startWorkers(ctx, runtime, { concurrency: 2 });
    try {
      const { feed_ids } = await enqueueRuns(runtime, ctx.config, [asOf]);
      const plan = await eventually(
        async () => {
          const job = await runtime.queues.plan.getJob(jobIds.plan(asOf, feed_ids));
          return job && (await job.isCompleted()) ? job : undefined;
        },
        60_000,
        'the plan job',
      );
      expect(plan.returnvalue).toEqual({
        action: 'already_published',
        run_id: published.plan.run_id,
        rows: published.plan.feeds[0]!.rows_read,
      });
      // The ingest job handed on its fetch alone (its value is kept in the plan job).
      const [ingest] = Object.values(await plan.getChildrenValues());
      expect(ingest).toHaveProperty('unparsed');
      expect(written.filter((key) => key.startsWith('work/'))).toEqual([]);
    } finally {
      await stopWorkers(workers);
      await runtime.close();
    }
  }, 90_000);
});
