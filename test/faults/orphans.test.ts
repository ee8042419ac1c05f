import { execFile } from 'node:child_process';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../src/context/context.js';
import { runInline } from '../../src/runners/inline.js';
import { DateLease } from '../../src/runners/lease.js';
import { LocalStore } from '../../src/store/localStore.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { CANONICAL_HEADER, canonicalRow } from './support.js';

const CLI = path.resolve('dist/src/cli/main.js');

async function orphanContext(): Promise<{ ctx: PipelineContext; root: string; file: string }> {
  const dir = await tempDir('dte-orphans-');
  const file = path.join(dir, 'export.csv');
  await writeFile(
    file,
    `${[CANONICAL_HEADER, ...Array.from({ length: 50 }, (_, i) => canonicalRow(i))].join('\n')}\n`,
  );
  const root = path.join(dir, 'store');
  const ctx = await testContext([{ id: 'national', format: 'canonical-csv', file }], {
    store: new LocalStore(root),
  });
  return { ctx, root, file };
}

/** What a run killed mid-way leaves: staged work and half-written files, an hour old. */
async function leaveOrphans(root: string, asOf: string): Promise<string[]> {
  const files = [
    `work/ingest/national/${asOf}/0123456789abcdef/part-00.ndjson`,
    `work/ingest/national/${asOf}/0123456789abcdef/part-01.ndjson.tmp-a1b2c3d4e5f6`,
    `snapshots/${asOf}/fedcba9876543210/provinces.csv.tmp-0a0b0c0d0e0f`,
  ];
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const key of files) {
    const full = path.join(root, ...key.split('/'));
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, 'x'.repeat(1000));
    await utimes(full, hourAgo, hourAgo);
  }
  return files;
}

async function keysUnder(ctx: PipelineContext, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of ctx.store.list(prefix)) keys.push(info.key);
  return keys;
}

describe('disk hygiene (issue 16, item 9)', () => {
  it("the next run of a date removes its dead runs' temp files and staged work, and no other date's", async () => {
    const { ctx, root } = await orphanContext();
    await leaveOrphans(root, '2026-06-30');
    const other = await leaveOrphans(root, '2026-05-31');
    expect((await runInline(ctx, { asOf: '2026-06-30' })).status).toBe('published');
    expect(await keysUnder(ctx, 'work/')).toEqual([other[0]]);
    const left = await ctx.store.removeTemporary('', 0);
    // Only the other date's two temp files were still there.
    expect(left.files).toBe(2);
  });

  it('an already-published decision deletes the staged work of its ingest', async () => {
    const { ctx } = await orphanContext();
    await runInline(ctx, { asOf: '2026-06-30' });
    expect(await keysUnder(ctx, 'work/')).toEqual([]);
    // The rerun stages the export again, then finds it published: its staged rows go at once.
    expect((await runInline(ctx, { asOf: '2026-06-30' })).status).toBe('already_published');
    expect(await keysUnder(ctx, 'work/')).toEqual([]);
  });

  it('dte gc removes every orphan old enough, leaves the work of a date whose run holds its lease, and says so in --json', async () => {
    const { ctx, root } = await orphanContext();
    await leaveOrphans(root, '2026-05-31');
    const running = await leaveOrphans(root, '2026-06-30');
    const lease = await DateLease.acquire(ctx, '2026-06-30');
    try {
      const gc = async (...args: string[]) =>
        JSON.parse(
          (
            await promisify(execFile)('node', [CLI, 'gc', '--store', `file:${root}`, '--json', ...args], {
              env: { ...process.env, LOG_LEVEL: 'silent' },
            })
          ).stdout,
        ) as Record<string, unknown>;
      // Younger than the default 6 hours: nothing goes.
      expect(await gc()).toMatchObject({ temp_files: 0, work_objects: 0 });
      const result = await gc('--min-age-hours', '0.5');
      expect(result).toEqual({
        temp_files: 4,
        temp_bytes: 4000,
        work_objects: 1,
        work_bytes: 1000,
        running: ['2026-06-30'],
      });
      expect(await keysUnder(ctx, 'work/')).toEqual([running[0]]);
    } finally {
      await lease.release();
    }
  });
});
