import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
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

/**
 * An object's non-empty lines (gunzipped when `gzip`), a chunk's worth at a time: a caller that
 * handles a million lines awaits once per chunk, not once per line. A missing object yields nothing
 * when `optional`.
 */
export async function* readLineBatches(
  store: ObjectStore,
  key: string,
  options: { gzip: boolean; optional?: boolean },
): AsyncIterable<string[]> {
  const body = await open(store, key, options.optional ?? false);
  if (!body) return;
  let input: Readable = body;
  if (options.gzip) {
    const gunzip = createGunzip();
    body.on('error', (error) => gunzip.destroy(error));
    input = body.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    const text = carry + decoder.write(chunk as Buffer);
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(end + 1);
    const lines = splitLines(text, end);
    if (lines.length > 0) yield lines;
  }
  const tail = `${carry}${decoder.end()}`;
  const last = splitLines(`${tail}\n`, tail.length);
  if (last.length > 0) yield last;
}

/** The non-empty lines of `text` before `end` (a line break), without their CR. */
function splitLines(text: string, end: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start <= end) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl > end) nl = end;
    const stop = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (stop > start) lines.push(text.slice(start, stop));
    start = nl + 1;
  }
  return lines;
}

/** Reads an object's non-empty lines one by one (see `readLineBatches`). */
export async function* readLines(
  store: ObjectStore,
  key: string,
  options: { gzip: boolean; optional?: boolean },
): AsyncIterable<string> {
  for await (const batch of readLineBatches(store, key, options)) yield* batch;
}

export function readGzipLines(store: ObjectStore, key: string, optional = false): AsyncIterable<string> {
  return readLines(store, key, { gzip: true, optional });
}
