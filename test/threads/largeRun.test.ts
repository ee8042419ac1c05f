import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../src/generator/index.js';
import type { PipelineContext } from '../../src/pipeline/context.js';
import { ingestFeed } from '../../src/pipeline/ingest.js';
import { workKeys } from '../../src/pipeline/stageKeys.js';
import { runInline } from '../../src/runners/inline.js';
import { readAll } from '../../src/store/bodies.js';
import { tempDir, testContext } from '../support/pipelineContext.js';

// Above the 50,000 rows after which ingest hands batches to threads, with the generator's dirty rows.
const ROWS = 80_000;
let file: string;

beforeAll(async () => {
  file = path.join(await tempDir(), 'national.csv.gz');
  await writeExport(file, { rows: ROWS, seed: 7, asOf: '2026-06-30', format: 'vn-dkkd-csv', gzip: true });
});

async function ingest(threads: number) {
  const ctx: PipelineContext = {
    ...(await testContext([{ id: 'national', file, format: 'vn-dkkd-csv' }], { partitions: 4 })),
    threads,
  };
  const result = await ingestFeed(ctx, { as_of: '2026-06-30', feed_id: 'national' });
  const keys = [0, 1, 2, 3].map((p) => workKeys.stagedPartition(result.staging_prefix, p));
  keys.push(workKeys.stagedRejects(result.staging_prefix));
  const files = await Promise.all(keys.map(async (key) => readAll(await ctx.store.get(key))));
  return { result, files };
}

describe('a large run in threads', () => {
  it('ingest stages the same bytes and counts as validation in one thread', async () => {
    const one = await ingest(1);
    const two = await ingest(2);
    expect(one.result.rows_read).toBeGreaterThanOrEqual(ROWS);
    expect(one.result.rejected).toBeGreaterThan(0);
    expect(two.result).toEqual(one.result);
    two.files.forEach((bytes, i) => {
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.equals(one.files[i]!)).toBe(true);
    });
  });

  it('publishes the same snapshot files with threads as without', async () => {
    const run = async (threads: number) => {
      const ctx = {
        ...(await testContext([{ id: 'national', file, format: 'vn-dkkd-csv' }], { partitions: 4 })),
        threads,
      };
      const outcome = await runInline(ctx, { asOf: '2026-06-30' });
      if (outcome.status !== 'published') throw new Error(`run ended ${outcome.status}`);
      const { prefix, manifest_key: manifestKey } = outcome.publish;
      const manifest = JSON.parse((await readAll(await ctx.store.get(manifestKey))).toString('utf8')) as {
        outputs: Array<{ key: string; sha256: string }>;
      };
      const outputs = manifest.outputs;
      const files = await Promise.all(
        outputs.map(async (o) => readAll(await ctx.store.get(`${prefix}${o.key}`))),
      );
      return { outputs, files };
    };
    const one = await run(1);
    const two = await run(2);
    expect(one.outputs.length).toBeGreaterThan(4);
    expect(two.outputs).toEqual(one.outputs);
    for (const [i, bytes] of two.files.entries()) expect(bytes.equals(one.files[i]!)).toBe(true);
  });
});
