import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DteError, NotFoundError, UsageError } from '../../domain/errors.js';
import { listHeld, listPublished, readCurrent, readManifest } from '../../snapshot/catalog.js';
import { contentDisposition, downloadName, snapshotKeys } from '../../snapshot/layout.js';
import type { Manifest } from '../../snapshot/manifest.js';
import { HashingCounter } from '../../store/bodies.js';
import type { ObjectStore } from '../../store/objectStore.js';
import { openStore } from '../../store/openStore.js';
import { parseAsOf } from '../../time/asOf.js';
import { loadCommandConfig } from '../loadCommandConfig.js';

async function withStore<T>(options: StoreOptions, use: (store: ObjectStore) => Promise<T>): Promise<T> {
  const loaded = loadCommandConfig(options, 'store');
  const store = await openStore(loaded.config.store);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function manifestOf(store: ObjectStore, asOf: string): Promise<Manifest> {
  const pointer = await readCurrent(store, parseAsOf(asOf, 'date'));
  // A held snapshot is shown and downloaded too: the operator checks it before releasing it.
  const manifest = pointer
    ? await readManifest(store, pointer)
    : ((await listHeld(store, asOf)).at(-1) ?? null);
  if (!manifest)
    throw new NotFoundError(`no published or held snapshot for ${asOf} in ${store.url}`, { asOf });
  return manifest;
}

function outputOf(manifest: Manifest, file: string) {
  const output = manifest.outputs.find((o) => o.key === file);
  if (!output) {
    throw new UsageError(
      `no file ${file} in snapshot ${manifest.as_of}; files: ${manifest.outputs.map((o) => o.key).join(', ')}`,
      {
        asOf: manifest.as_of,
      },
    );
  }
  return output;
}

export interface StoreOptions {
  config?: string;
  store?: string;
  json?: boolean;
}

const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** A row of `dte snapshots list`: published or held, with the gates that held it and its release. */
function listRow(manifest: Manifest, status: 'published' | 'held') {
  return {
    as_of: manifest.as_of,
    run_id: manifest.run_id,
    rule_set_id: manifest.rule_set_id,
    files: manifest.outputs.length,
    created_at: manifest.created_at,
    status,
    held_reasons: manifest.held?.reasons.map((r) => r.gate) ?? [],
    release: manifest.release ?? null,
  };
}

/** `dte snapshots list`: every published (and held) as-of date; an empty store is a failure a script can see. */
export async function snapshotsListAction(options: StoreOptions): Promise<void> {
  await withStore(options, async (store) => {
    const rows = [];
    for (const pointer of await listPublished(store)) {
      const manifest = await readManifest(store, pointer);
      if (manifest) rows.push(listRow(manifest, 'published'));
    }
    // Held snapshots are listed too: their files are kept for the operator to check and release.
    for (const manifest of await listHeld(store)) rows.push(listRow(manifest, 'held'));
    rows.sort((a, b) => a.as_of.localeCompare(b.as_of) || a.created_at.localeCompare(b.created_at));
    if (options.json) printJson(rows);
    else
      for (const r of rows)
        process.stdout.write(
          `${r.as_of}  ${r.run_id}  ${r.rule_set_id}  ${r.files} files${r.status === 'held' ? `  HELD (${r.held_reasons.join(', ')})` : ''}\n`,
        );
    if (rows.length === 0) throw new NotFoundError(`no published snapshot in ${store.url}`);
  });
}

/** `dte snapshots show`: the manifest, which is JSON whether or not `--json` is given. */
export async function snapshotsShowAction(date: string, options: StoreOptions): Promise<void> {
  await withStore(options, async (store) => printJson(await manifestOf(store, date)));
}

/** `dte snapshots get`: one file downloaded and checked against the manifest's sha256. */
export async function snapshotsGetAction(
  date: string,
  file: string,
  options: StoreOptions & { out?: string },
): Promise<void> {
  await withStore(options, async (store) => {
    const manifest = await manifestOf(store, date);
    const output = outputOf(manifest, file);
    const target = options.out ?? downloadName(manifest.as_of, file);
    await mkdir(path.dirname(path.resolve(target)), { recursive: true });
    const counter = new HashingCounter();
    await pipeline(
      await store.get(snapshotKeys.file(manifest.as_of, manifest.run_id, file)),
      counter,
      createWriteStream(target),
    );
    const sha256 = counter.digest();
    if (sha256 !== output.sha256) {
      throw new DteError(`downloaded ${file} does not match its manifest sha256`, {
        asOf: manifest.as_of,
        file,
        expected: output.sha256,
        got: sha256,
      });
    }
    if (options.json)
      printJson({ as_of: manifest.as_of, file, path: path.resolve(target), bytes: counter.bytes, sha256 });
    else process.stdout.write(`${target}  ${counter.bytes} bytes  sha256 ${sha256}\n`);
  });
}

/** `dte snapshots url`: a presigned download URL (S3 stores). */
export async function snapshotsUrlAction(
  date: string,
  file: string,
  options: StoreOptions & { expires: string },
): Promise<void> {
  const expires = Number(options.expires);
  if (!Number.isInteger(expires) || expires < 1 || expires > 604800)
    throw new UsageError(`--expires must be a whole number of seconds 1..604800, got ${options.expires}`);
  await withStore(options, async (store) => {
    const manifest = await manifestOf(store, date);
    outputOf(manifest, file);
    const key = snapshotKeys.file(manifest.as_of, manifest.run_id, file);
    const disposition = contentDisposition(downloadName(manifest.as_of, file));
    const url = await store.presignGet(key, expires, { contentDisposition: disposition });
    if (!url) throw new UsageError(`the store ${store.url} has no presigned URLs; use 'dte snapshots get'`);
    if (options.json) printJson({ as_of: manifest.as_of, file, url, expires_in: expires });
    else process.stdout.write(`${url}\n`);
  });
}
