import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { NotFoundError } from '../domain/errors.js';
import type { ObjectStore } from '../store/objectStore.js';

async function open(store: ObjectStore, key: string, optional: boolean): Promise<Readable | null> {
  try {
    return await store.get(key);
  } catch (error) {
    if (optional && error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Reads an object's lines (gunzipped when `gzip`), skipping empty ones; a missing object yields nothing when `optional`. */
export async function* readLines(
  store: ObjectStore,
  key: string,
  options: { gzip: boolean; optional?: boolean },
): AsyncIterable<string> {
  const body = await open(store, key, options.optional ?? false);
  if (!body) return;
  let input: Readable = body;
  if (options.gzip) {
    const gunzip = createGunzip();
    body.on('error', (error) => gunzip.destroy(error));
    input = body.pipe(gunzip);
  }
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.length > 0) yield line;
}

export function readGzipLines(store: ObjectStore, key: string, optional = false): AsyncIterable<string> {
  return readLines(store, key, { gzip: true, optional });
}
