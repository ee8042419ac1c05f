import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { redisKeys } from '../../src/queue/keys.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { readCurrent, readManifest } from '../../src/snapshot/catalog.js';
import { alertKeys } from '../../src/snapshot/layout.js';
import { startWorkers, stopWorkers } from '../../workers/index.js';
import { CANONICAL_HEADER, canonicalRow } from '../faults/support.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { eventually } from '../support/workerProcess.js';

let url: string;
const prefix = uniquePrefix('date-order');
beforeAll(async () => {
  url = await testRedisUrl();
});
afterAll(() => dropPrefix(url, prefix));

describe('BullMQ runs one date at a time, in date order (issue 16, item 5)', () => {
  it('a later date enqueued with an earlier one waits for it, so its previous snapshot is the earlier date', async () => {
    const dir = await tempDir('dte-date-order-');
    const exportOf = (rows: number) =>
      `${[CANONICAL_HEADER, ...Array.from({ length: rows }, (_, i) => canonicalRow(i))].join('\n')}\n`;
    await writeFile(path.join(dir, 'export-2026-05-31.csv'), exportOf(20));
    await writeFile(path.join(dir, 'export-2026-06-30.csv'), exportOf(22));
    const ctx = await testContext([
      { id: 'national', format: 'canonical-csv', file: path.join(dir, 'export-{as_of}.csv') },
    ]);
    const runtime = QueueRuntime.open(url, prefix);
    const plans: string[] = [];
    const workers = startWorkers(ctx, runtime, {
      concurrency: 4,
      wrap: (stage, processor) => async (job: Job, token?: string) => {
        const asOf = String(job.data.as_of ?? job.data.plan?.as_of);
        if (stage === 'plan') plans.push(asOf);
        // The earlier date's ingest is slow: without the order, the later date would plan first.
        if (stage === 'ingest' && asOf === '2026-05-31') await new Promise((r) => setTimeout(r, 2000));
        return processor(job, token);
      },
    });
    try {
      await Promise.all([
        enqueueRuns(runtime, ctx.config, ['2026-05-31']),
        enqueueRuns(runtime, ctx.config, ['2026-06-30']),
      ]);
      const later = await eventually(() => readCurrent(ctx.store, '2026-06-30'), 60_000, 'the later date');
      const earlier = await readCurrent(ctx.store, '2026-05-31');
      expect(earlier).not.toBeNull();
      const manifest = await readManifest(ctx.store, later);
      expect(manifest?.previous?.as_of).toBe('2026-05-31');
      // The later date's plan job ran before the earlier one was done, and was delayed.
      expect(plans.indexOf('2026-06-30')).toBeLessThan(plans.indexOf('2026-05-31'));
      expect(plans.filter((d) => d === '2026-06-30').length).toBeGreaterThan(1);
      // Both runs are over: no lease is left behind.
      await eventually(
        async () => {
          const redis = new Redis(url);
          try {
            const keys = await redis.keys(redisKeys.dateLease(prefix, '*'));
            return keys.length === 0;
          } finally {
            redis.disconnect();
          }
        },
        10_000,
        'the leases to go',
      );
    } finally {
      await stopWorkers(workers);
      await runtime.close();
    }
  }, 90_000);

  it('a run of a date whose lease another run holds fails as already running, unretried, and sends nothing', async () => {
    const dir = await tempDir('dte-date-busy-');
    const file = path.join(dir, 'export.csv');
    await writeFile(file, `${[CANONICAL_HEADER, canonicalRow(1)].join('\n')}\n`);
    const ctx = await testContext([{ id: 'national', format: 'canonical-csv', file }]);
    const busyPrefix = uniquePrefix('date-busy');
    const runtime = QueueRuntime.open(url, busyPrefix);
    await runtime.connection.set(
      redisKeys.dateLease(busyPrefix, '2026-04-30'),
      'plan.2026-04-30.other',
      'PX',
      60_000,
    );
    const workers = startWorkers(ctx, runtime, { concurrency: 2 });
    try {
      await enqueueRuns(runtime, ctx.config, ['2026-04-30']);
      const failed = await eventually(
        async () => (await runtime.queues.plan.getFailed())[0],
        30_000,
        'the plan job',
      );
      expect(failed.failedReason).toMatch(
        /^already running: the run plan\.2026-04-30\.other holds the lease/,
      );
      expect(failed.attemptsMade).toBe(1);
      expect(await ctx.store.head(alertKeys.history('2026-04-30'))).toBeNull();
      // The other run's lease is untouched.
      expect(await runtime.connection.get(redisKeys.dateLease(busyPrefix, '2026-04-30'))).toBe(
        'plan.2026-04-30.other',
      );
    } finally {
      await stopWorkers(workers);
      await runtime.close();
      await dropPrefix(url, busyPrefix);
    }
  }, 60_000);
});
