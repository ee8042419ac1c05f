import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueRuns } from '../../jobs/enqueue.js';
import { jobIds } from '../../jobs/ids.js';
import { listSchedules, removeSchedule, syncSchedules } from '../../jobs/schedules.js';
import { configSchema } from '../../src/config/schema.js';
import { QueueRuntime } from '../../src/queue/runtime.js';
import { dropPrefix, testRedisUrl, uniquePrefix } from '../support/redis.js';

const config = configSchema.parse({
  feeds: [
    {
      id: 'national',
      format: 'vn-dkkd-csv',
      source: { type: 'file', path: '/x.csv' },
      schedule: '0 2 * * *',
    },
    {
      id: 'thanh-hoa',
      format: 'vn-dkkd-csv',
      source: { type: 'file', path: '/y.csv' },
      schedule: '30 2 * * *',
    },
    { id: 'off', format: 'ndjson', source: { type: 'file', path: '/z.ndjson' }, enabled: false },
  ],
});

let url: string;
let runtime: QueueRuntime;
const prefix = uniquePrefix('enqueue');

beforeAll(async () => {
  url = await testRedisUrl();
  runtime = QueueRuntime.open(url, prefix);
});
afterAll(async () => {
  await runtime?.close();
  await dropPrefix(url, prefix);
});

describe('enqueueing runs', () => {
  it('adds a run once: the same run enqueued again adds nothing', async () => {
    const first = await enqueueRuns(runtime, config, ['2026-01-31']);
    expect(first).toMatchObject({ status: 'added', feed_ids: ['national', 'thanh-hoa'] });
    const counts = await runtime.queues.ingest.getJobCounts();
    const second = await enqueueRuns(runtime, config, ['2026-01-31']);
    expect(second.status).toBe('already_queued');
    expect(await runtime.queues.ingest.getJobCounts()).toEqual(counts);
    expect(await runtime.queues.plan.getJobCountByTypes('waiting-children')).toBe(1);
    const plan = await runtime.queues.plan.getJob(jobIds.plan('2026-01-31', ['national', 'thanh-hoa']));
    expect(plan?.data).toEqual({
      as_of: '2026-01-31',
      feed_ids: ['national', 'thanh-hoa'],
      // biome-ignore lint/suspicious/noThenProperty: the payload field that carries the rest of a backfill is named then
      then: [],
      trigger: 'enqueue',
    });
    const ingest = await runtime.queues.ingest.getJob(
      jobIds.ingest('2026-01-31', ['national', 'thanh-hoa'], 'national'),
    );
    expect(ingest?.opts.attempts).toBe(config.worker.attempts);
    expect(ingest?.opts.backoff).toEqual({ type: 'exponential', delay: config.worker.backoff_ms });
  });

  it('puts only the oldest date of a backfill on the queues and carries the rest in order', async () => {
    const result = await enqueueRuns(
      runtime,
      config,
      ['2026-02-01', '2026-02-02', '2026-02-03'],
      ['national'],
    );
    expect(result).toMatchObject({
      as_of: '2026-02-01',
      // biome-ignore lint/suspicious/noThenProperty: the payload field that carries the rest of a backfill is named then
      then: ['2026-02-02', '2026-02-03'],
      feed_ids: ['national'],
    });
    const plan = await runtime.queues.plan.getJob(jobIds.plan('2026-02-01', ['national']));
    expect(plan?.data.then).toEqual(['2026-02-02', '2026-02-03']);
  });

  it('refuses an unknown feed with a usage error', async () => {
    await expect(enqueueRuns(runtime, config, ['2026-01-31'], ['nope'])).rejects.toThrow(/unknown feed nope/);
  });
});

describe('job schedulers', () => {
  it('sync makes one scheduler per enabled feed in Vietnam time, and a second sync changes nothing', async () => {
    const first = await syncSchedules(runtime, config);
    expect(first).toEqual({ upserted: ['feed.national', 'feed.thanh-hoa'], removed: [] });
    const listed = await listSchedules(runtime);
    expect(listed.map((s) => [s.id, s.pattern, s.tz])).toEqual([
      ['feed.national', '0 2 * * *', 'Asia/Ho_Chi_Minh'],
      ['feed.thanh-hoa', '30 2 * * *', 'Asia/Ho_Chi_Minh'],
    ]);
    // 02:00 in Vietnam is 19:00 UTC the day before.
    expect(listed[0]?.next).toMatch(/T19:00:00\.000Z$/);
    const delayedBefore = await runtime.queues.trigger.getJobCounts();
    expect(await syncSchedules(runtime, config)).toEqual({ upserted: [], removed: [] });
    expect(await runtime.queues.trigger.getJobCounts()).toEqual(delayedBefore);
  });

  it('sync removes the scheduler of a feed that was disabled; remove takes a feed id', async () => {
    const fewer = configSchema.parse({
      ...config,
      feeds: config.feeds.map((f) => (f.id === 'thanh-hoa' ? { ...f, enabled: false } : f)),
    });
    expect(await syncSchedules(runtime, fewer)).toEqual({ upserted: [], removed: ['feed.thanh-hoa'] });
    expect(await removeSchedule(runtime, 'national')).toBe(true);
    expect(await listSchedules(runtime)).toEqual([]);
  });
});
