import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DteError } from '../../src/domain/errors.js';
import { workKeys } from '../../src/snapshot/layout.js';
import { classifyPartition } from '../../src/stages/classify.js';
import { decideRun } from '../../src/stages/decide.js';
import { ingestFeed } from '../../src/stages/ingest.js';
import { classifyResultSchema, type RunPlan } from '../../src/stages/results.js';
import { threadSpecOf } from '../../src/stages/threads/spec.js';
import { ROW_KEY_BYTES } from '../../src/staging/rowKeys.js';
import type { LocalStore } from '../../src/store/localStore.js';
import { S3Store } from '../../src/store/s3Store.js';
import { ThreadPool } from '../../src/threads/pool.js';
import { testContext } from '../support/pipelineContext.js';

const demo = path.resolve('fixtures/demo/national-2026-03-31.csv.gz');

async function planned(): Promise<{ ctx: Awaited<ReturnType<typeof testContext>>; plan: RunPlan }> {
  const ctx = await testContext([{ id: 'national', file: demo, format: 'vn-dkkd-csv' }], { partitions: 4 });
  const ingest = await ingestFeed(ctx, { as_of: '2026-03-31', feed_id: 'national' });
  const decision = await decideRun(ctx, '2026-03-31', [ingest]);
  return { ctx, plan: decision.plan };
}

function openPool(ctx: Awaited<ReturnType<typeof testContext>>): ThreadPool {
  const pool = ThreadPool.open('classifyThread', threadSpecOf(ctx), 2);
  if (!pool) throw new Error('a pool of two threads was not opened');
  return pool;
}

const classifyIn = async (pool: ThreadPool, plan: RunPlan, partition: number) =>
  classifyResultSchema.parse(await pool.run({ plan, partition }));

describe('classify threads of an inline run', () => {
  it('give each partition the result the handler gives in this thread', async () => {
    const { ctx, plan } = await planned();
    const pool = openPool(ctx);
    try {
      const partitions = [0, 1, 2, 3];
      const threaded = await Promise.all(partitions.map((partition) => classifyIn(pool, plan, partition)));
      const here = [];
      for (const partition of partitions) here.push(await classifyPartition(ctx, { plan, partition }));
      expect(threaded).toEqual(here);
      expect(threaded.reduce((n, r) => n + r.records, 0)).toBeGreaterThan(1000);
    } finally {
      await pool.close();
    }
  });

  it('refuse a partition whose keys file does not hold one key for each staged row', async () => {
    const { ctx, plan } = await planned();
    const feed = plan.feeds[0]!;
    const key = workKeys.stagedKeys(feed.staging_prefix, 2);
    const keys = await readAll(await ctx.store.get(key));
    await ctx.store.put(key, keys.subarray(0, keys.length - ROW_KEY_BYTES));
    const failure = await classifyPartition(ctx, { plan, partition: 2 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DteError);
    expect((failure as DteError).message).toMatch(/staged rows and their keys differ/);
    expect((failure as DteError).context).toMatchObject({
      partition: 2,
      keys: keys.length / ROW_KEY_BYTES - 1,
    });
  });

  it('hand a failing partition back as a DteError with its context, and go on with the next', async () => {
    const { ctx, plan } = await planned();
    const pool = openPool(ctx);
    try {
      const broken: RunPlan = {
        ...plan,
        feeds: plan.feeds.map((f) => ({ ...f, staging_prefix: `${f.staging_prefix}-gone` })),
      };
      const failure = await classifyIn(pool, broken, 1).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DteError);
      expect((failure as DteError).context.key).toMatch(/-gone.*keys-01\.bin/);
      expect((await classifyIn(pool, plan, 1)).partition).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('are not used for a store a thread cannot open', async () => {
    const { ctx } = await planned();
    expect(threadSpecOf(ctx)?.storeRoot).toBe((ctx.store as LocalStore).root);
    const s3 = new S3Store('s3://dte-bucket/prefix', { endpoint: 'http://127.0.0.1:9' });
    expect(threadSpecOf({ ...ctx, store: s3 })).toBeNull();
  });
});

async function readAll(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
