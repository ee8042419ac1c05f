import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '../domain/errors.js';
import { sqlString } from '../parquet/index.js';
import { historyKeys, snapshotFiles, snapshotKeys } from '../snapshot/layout.js';
import type { Manifest } from '../snapshot/manifest.js';
import { LocalStore } from '../store/localStore.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { Relation } from './readOnlyDb.js';

/** The snapshot's tables by the names `dte sql` gives them. */
const SNAPSHOT_TABLES: ReadonlyArray<[string, string]> = [
  ['provinces', 'provinces.csv'],
  ['legacy_provinces', 'legacy_provinces.csv'],
  ['communes', 'communes.csv'],
  ['dte_enterprises', 'dte_enterprises.csv'],
  ['rejects_summary', 'rejects_summary.csv'],
];

/** The history tables, cut at the snapshot's date. */
const HISTORY_TABLES: ReadonlyArray<[string, string]> = [
  ['history', historyKeys.provincesParquet],
  ['history_legacy_provinces', historyKeys.legacyParquet],
  ['history_targets', historyKeys.targetsParquet],
];

/** A local file of the object at `key`: in place on a local store, downloaded into `dir` otherwise. */
async function localFile(store: ObjectStore, key: string, dir: string): Promise<string> {
  if (store instanceof LocalStore) return path.join(store.root, ...key.split('/'));
  const file = path.join(dir, key.replaceAll('/', '__'));
  await pipeline(await store.get(key), createWriteStream(file));
  return file;
}

/**
 * The relations of one published snapshot: its Parquet tables (those it has) and the history up to
 * its date, each as a local file.
 */
export async function snapshotRelations(
  store: ObjectStore,
  manifest: Manifest,
  dir: string,
): Promise<Relation[]> {
  const relations: Relation[] = [];
  for (const [name, csv] of SNAPSHOT_TABLES) {
    const parquet = snapshotFiles.parquetTwin(csv);
    if (!manifest.outputs.some((o) => o.key === parquet)) continue;
    const key = snapshotKeys.file(manifest.as_of, manifest.run_id, parquet);
    relations.push({ name, parquetFiles: [await localFile(store, key, dir)] });
  }
  // Every feed's rejects as one table: each feed's export columns, empty in the other feeds' rows.
  const rejects = manifest.outputs.filter((o) => o.key.startsWith('rejects/') && o.key.endsWith('.parquet'));
  if (rejects.length > 0) {
    const files: string[] = [];
    for (const o of rejects)
      files.push(await localFile(store, snapshotKeys.file(manifest.as_of, manifest.run_id, o.key), dir));
    relations.push({ name: 'rejects', parquetFiles: files });
  }
  for (const [name, key] of HISTORY_TABLES) {
    if (!(await store.head(key))) continue;
    const where = `as_of <= DATE ${sqlString(manifest.as_of)}`;
    relations.push({ name, parquetFiles: [await localFile(store, key, dir)], where });
  }
  if (relations.length === 0)
    throw new NotFoundError(
      `snapshot ${manifest.as_of} has no Parquet tables (published by an older version)`,
      {
        asOf: manifest.as_of,
      },
    );
  return relations;
}
