import { NotFoundError } from '../domain/errors.js';
import { readAll } from '../store/bodies.js';
import type { ObjectStore } from '../store/objectStore.js';
import { snapshotKeys } from './layout.js';
import {
  currentPointerSchema,
  latestPointerSchema,
  type Manifest,
  manifestSchema,
  type SnapshotPointer,
} from './manifest.js';

export async function readJsonObject(store: ObjectStore, key: string): Promise<unknown> {
  return JSON.parse((await readAll(await store.get(key))).toString('utf8'));
}

async function readOptional<T>(store: ObjectStore, key: string, parse: (v: unknown) => T): Promise<T | null> {
  try {
    return parse(await readJsonObject(store, key));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export function readLatest(store: ObjectStore): Promise<SnapshotPointer | null> {
  return readOptional(store, snapshotKeys.latest, (v) => latestPointerSchema.parse(v));
}

export function readCurrent(store: ObjectStore, asOf: string): Promise<SnapshotPointer | null> {
  return readOptional(store, snapshotKeys.current(asOf), (v) => currentPointerSchema.parse(v));
}

export function readManifest(store: ObjectStore, pointer: SnapshotPointer): Promise<Manifest | null> {
  return readOptional(store, `${pointer.prefix}manifest.json`, (v) => manifestSchema.parse(v));
}

/** Every published snapshot (an as-of date with a `current.json`), oldest first. */
export async function listPublished(store: ObjectStore): Promise<SnapshotPointer[]> {
  const pointers: SnapshotPointer[] = [];
  for await (const info of store.list(snapshotKeys.root)) {
    if (!/^snapshots\/\d{4}-\d{2}-\d{2}\/current\.json$/.test(info.key)) continue;
    const asOf = info.key.split('/')[1] ?? '';
    const pointer = await readCurrent(store, asOf);
    if (pointer) pointers.push(pointer);
  }
  return pointers.sort((a, b) => a.as_of.localeCompare(b.as_of));
}

/** The newest published snapshot strictly before `asOf`: the "previous snapshot" of the indicators. */
export async function findPrevious(store: ObjectStore, asOf: string): Promise<SnapshotPointer | null> {
  const earlier = (await listPublished(store)).filter((p) => p.as_of < asOf);
  return earlier.at(-1) ?? null;
}

/** The manifest of one run of a date, published, held or neither (null when it has none). */
export function readRunManifest(store: ObjectStore, asOf: string, runId: string): Promise<Manifest | null> {
  return readOptional(store, snapshotKeys.manifest(asOf, runId), (v) => manifestSchema.parse(v));
}

/** True when the run's manifest says a gate held it and no operator has released it. */
export function isHeld(manifest: Manifest): boolean {
  return manifest.held !== undefined && manifest.release === undefined;
}

/** Every held, unreleased snapshot (a run manifest that no `current.json` points to), of one date when given, oldest first. */
export async function listHeld(store: ObjectStore, asOf?: string): Promise<Manifest[]> {
  const held: Manifest[] = [];
  // One date's held runs are found under its own folder, without listing every snapshot's files.
  for await (const info of store.list(asOf ? snapshotKeys.date(asOf) : snapshotKeys.root)) {
    const match = /^snapshots\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/manifest\.json$/.exec(info.key);
    if (!match) continue;
    const manifest = await readRunManifest(store, match[1] ?? '', match[2] ?? '');
    if (manifest && isHeld(manifest)) held.push(manifest);
  }
  return held.sort((a, b) => a.as_of.localeCompare(b.as_of) || a.created_at.localeCompare(b.created_at));
}
