import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PipelineContext } from '../context/context.js';
import { csvToParquet, type TableName, tableOfFile } from '../parquet/index.js';
import { snapshotFiles, snapshotKeys } from '../snapshot/layout.js';
import type { ManifestOutput } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';
import { contentType } from './aggregate.js';

/** DuckDB reads and writes files, whatever the store: the work happens in a temporary folder. */
export async function inTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dte-parquet-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

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
  table: TableName,
): Promise<{ bytes: number; sha256: string; rows: number }> {
  return inTempDir(async (dir) => {
    const csv = path.join(dir, 'table.csv');
    const parquet = path.join(dir, 'table.parquet');
    await download(store, csvKey, csv);
    const rows = await csvToParquet(csv, parquet, table);
    const put = await store.put(parquetKey, createReadStream(parquet), {
      contentType: contentType(parquetKey),
    });
    return { bytes: put.bytes, sha256: put.sha256, rows };
  });
}

/** The Parquet twin of every published CSV table of a run, written beside it before the manifest lists both. */
export async function writeParquetTwins(
  ctx: PipelineContext,
  asOf: string,
  runId: string,
  outputs: readonly ManifestOutput[],
): Promise<ManifestOutput[]> {
  const twins: ManifestOutput[] = [];
  for (const output of outputs) {
    const table = tableOfFile(output.key);
    if (!table) continue;
    const name = snapshotFiles.parquetTwin(output.key);
    const written = await putParquetOf(
      ctx.store,
      snapshotKeys.file(asOf, runId, output.key),
      snapshotKeys.file(asOf, runId, name),
      table,
    );
    twins.push({ key: name, ...written });
  }
  return twins;
}
