import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { workKeys } from '../../src/snapshot/layout.js';
import { ingestFeed } from '../../src/stages/ingest.js';
import { THREADS_FROM_BYTES } from '../../src/stages/threads/spec.js';
import { readAll } from '../../src/store/bodies.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { CANONICAL_HEADER, canonicalRow } from './support.js';

const ROWS = 90_000;

/** Ingests one canonical export with the given threads (2: the byte path, for a file over 4 MiB). */
async function ingest(file: string, threads: number, limits?: Record<string, number>) {
  const base = await testContext([{ id: 'national', file, format: 'canonical-csv' }], { partitions: 4 });
  const ctx: PipelineContext = {
    ...base,
    config: limits ? { ...base.config, limits: { ...base.config.limits, ...limits } } : base.config,
    threads,
  };
  const result = await ingestFeed(ctx, { as_of: '2026-06-30', feed_id: 'national' });
  const rejects = await readAll(await ctx.store.get(workKeys.stagedRejects(result.staging_prefix)));
  return { result, rejects: rejects.toString('utf8') };
}

describe('ingest of awkward exports (issue 16, items 1 and 2)', () => {
  it('stages every row of a CR-only export over 4 MiB, in threads from its bytes as in one thread', async () => {
    const file = path.join(await tempDir(), 'cr-only.csv');
    const rows = Array.from({ length: ROWS }, (_, i) => canonicalRow(i));
    await writeFile(file, [CANONICAL_HEADER, ...rows].join('\r'));
    const one = await ingest(file, 1);
    const two = await ingest(file, 2);
    expect(one.result.bytes).toBeGreaterThan(THREADS_FROM_BYTES);
    expect(one.result.rows_read).toBe(ROWS);
    expect(one.result.valid).toBe(ROWS);
    expect(two.result).toEqual(one.result);
  });

  it('rejects a record past limits.max_record_bytes as record_too_long and reads the rows after it, in both paths', async () => {
    const file = path.join(await tempDir(), 'long.csv');
    const rows = Array.from({ length: ROWS }, (_, i) =>
      i === 40_000 ? canonicalRow(i).replace('Cong ty', 'x'.repeat(300_000)) : canonicalRow(i),
    );
    await writeFile(file, `${[CANONICAL_HEADER, ...rows].join('\n')}\n`);
    const limits = { max_record_bytes: 100_000, max_cell_bytes: 50_000 };
    const one = await ingest(file, 1, limits);
    const two = await ingest(file, 2, limits);
    expect(one.result.rows_read).toBe(ROWS);
    expect(one.result.rejected).toBe(1);
    expect(one.rejects).toContain('record_too_long');
    expect(one.rejects.length).toBeLessThan(110_000);
    expect(two.result).toEqual(one.result);
    expect(two.rejects).toBe(one.rejects);
  });
});
