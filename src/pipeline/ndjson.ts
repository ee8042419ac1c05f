import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { NotFoundError } from '../domain/errors.js';
import type { ObjectStore } from '../store/objectStore.js';

/** Reads a gzipped NDJSON object line by line; a missing object yields nothing when `optional`. */
export async function* readGzipLines(store: ObjectStore, key: string, optional = false): AsyncIterable<string> {
  let body: Awaited<ReturnType<ObjectStore['get']>>;
  try {
    body = await store.get(key);
  } catch (error) {
    if (optional && error instanceof NotFoundError) return;
    throw error;
  }
  const gunzip = createGunzip();
  body.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: body.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.length > 0) yield line;
}
