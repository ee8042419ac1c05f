import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PipelineContext } from '../context/context.js';
import { type ColumnDef, snapshotFileDefs } from '../dictionary/index.js';
import { csvToParquet } from '../parquet/index.js';
import { snapshotFiles, snapshotKeys } from '../snapshot/layout.js';
import type { ManifestOutput } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';
import { contentType } from './aggregate.js';
import type { RunPlan } from './results.js';
import { ruleBook } from './rules.js';
import { inTempDir } from './tempDir.js';

/** Copies an object of the store into a local file. */
export async function download(store: ObjectStore, key: string, file: string): Promise<void> {
  await pipeline(await store.get(key), createWriteStream(file));
}

/**
 * Converts the CSV object at `csvKey` into a typed Parquet object at `parquetKey` (the CSV's rows, in
 * its order) and returns what the manifest lists of it.
 */
export async function putParquetOf(
  store: ObjectStore,
  csvKey: string,
  parquetKey: string,
  columns: readonly ColumnDef[],
): Promise<{ bytes: number; sha256: string; rows: number }> {
  // DuckDB reads and writes files, whatever the store: the work happens in a temporary folder.
  return inTempDir('dte-parquet-', async (dir) => {
    const csv = path.join(dir, 'table.csv');
    const parquet = path.join(dir, 'table.parquet');
    await download(store, csvKey, csv);
    const rows = await csvToParquet(csv, parquet, columns);
    const put = await store.put(parquetKey, createReadStream(parquet), {
      contentType: contentType(parquetKey),
    });
    return { bytes: put.bytes, sha256: put.sha256, rows };
  });
}

/**
 * The Parquet twin of every CSV table of a run that the data dictionary describes, written beside
 * it (before the manifest lists both), with the dictionary's columns and types.
 */
export async function writeParquetTwins(
  ctx: PipelineContext,
  plan: RunPlan,
  outputs: readonly ManifestOutput[],
): Promise<ManifestOutput[]> {
  const defs = snapshotFileDefs(
    ruleBook(ctx).categories,
    plan.feeds.map((f) => ({ feedId: f.feed_id, columns: f.reject_columns })),
  );
  const twins: ManifestOutput[] = [];
  for (const def of defs) {
    if (def.columns.length === 0 || !def.file.endsWith('.csv')) continue;
    if (!outputs.some((o) => o.key === def.file)) continue;
    const name = snapshotFiles.parquetTwin(def.file);
    const written = await putParquetOf(
      ctx.store,
      snapshotKeys.file(plan.as_of, plan.run_id, def.file),
      snapshotKeys.file(plan.as_of, plan.run_id, name),
      def.columns,
    );
    twins.push({ key: name, ...written });
  }
  return twins;
}
