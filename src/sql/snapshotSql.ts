import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NotFoundError } from '../domain/errors.js';
import { readCurrent, readLatest, readManifest } from '../snapshot/catalog.js';
import type { ObjectStore } from '../store/objectStore.js';
import { parseAsOf } from '../time/asOf.js';
import { buildSqlDatabase, runReadOnly, type SqlResult } from './readOnlyDb.js';
import { snapshotRelations } from './snapshotRelations.js';

async function manifestFor(store: ObjectStore, asOf: string | undefined) {
  const pointer = asOf ? await readCurrent(store, parseAsOf(asOf, '--as-of')) : await readLatest(store);
  const manifest = pointer ? await readManifest(store, pointer) : null;
  if (!manifest)
    throw new NotFoundError(
      asOf ? `no published snapshot for ${asOf} in ${store.url}` : `nothing published in ${store.url}`,
      {
        asOf,
      },
    );
  return manifest;
}

/** Runs `sql` over one published snapshot's tables and the history up to it; nothing it says can change the store. */
export async function snapshotSql(store: ObjectStore, sql: string, asOf?: string): Promise<SqlResult> {
  const manifest = await manifestFor(store, asOf);
  const dir = await mkdtemp(path.join(tmpdir(), 'dte-sql-'));
  try {
    const database = await buildSqlDatabase(dir, await snapshotRelations(store, manifest, dir));
    return await runReadOnly(database, sql);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
