import { stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { runInline } from '../../src/runners/inline.js';
import { workKeys } from '../../src/snapshot/layout.js';
import { ingestFeed } from '../../src/stages/ingest.js';
import { THREADS_FROM_BYTES } from '../../src/stages/threads/spec.js';
import { readAll } from '../../src/store/bodies.js';
import { writeExport } from '../../tools/generator/index.js';
import { tempDir, testContext } from '../support/pipelineContext.js';

// Above the 50,000 rows after which ingest hands batches to threads, with the generator's dirty rows.
const ROWS = 80_000;
let file: string;
/** The same rows uncompressed: over 4 MiB, so that with threads its batches cross as bytes. */
let plain: string;

beforeAll(async () => {
  const dir = await tempDir();
  file = path.join(dir, 'national.csv.gz');
  plain = path.join(dir, 'national.csv');
  await writeExport(file, { rows: ROWS, seed: 7, asOf: '2026-06-30', format: 'vn-dkkd-csv', gzip: true });
  await writeExport(plain, { rows: ROWS, seed: 7, asOf: '2026-06-30', format: 'vn-dkkd-csv', gzip: false });
});

async function ingest(threads: number, source = file) {
  const ctx: PipelineContext = {
    ...(await testContext([{ id: 'national', file: source, format: 'vn-dkkd-csv' }], { partitions: 4 })),
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

  it('ingest of an export read as byte batches stages the same bytes and counts as reading its text', async () => {
    expect((await stat(plain)).size).toBeGreaterThan(THREADS_FROM_BYTES);
    const one = await ingest(1, plain);
    const two = await ingest(2, plain);
    expect(one.result.rows_read).toBeGreaterThanOrEqual(ROWS);
    expect(two.result).toEqual(one.result);
    for (const [i, bytes] of two.files.entries()) expect(bytes.equals(one.files[i]!), `file ${i}`).toBe(true);
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
