import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { FileRejectedError, InvalidEncodingError } from '../domain/errors.js';

export interface FileRef {
  feedId: string;
  fileName: string;
}

/** The first bytes of a stream, and a stream that still yields all of them. */
export async function peek(input: Readable, want: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < want) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
    chunks.push(chunk);
    size += chunk.length;
  }
  async function* rest() {
    yield* chunks;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return {
    head: Buffer.concat(chunks).subarray(0, want),
    stream: Readable.from(rest(), { objectMode: false }),
  };
}

function encodingOf(head: Buffer): { label: 'utf-8' | 'utf-16le' | 'utf-16be'; name: string } {
  if (head[0] === 0xff && head[1] === 0xfe) return { label: 'utf-16le', name: 'UTF-16LE' };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: 'utf-16be', name: 'UTF-16BE' };
  return { label: 'utf-8', name: 'UTF-8' };
}

/** An export's bytes after gzip, with the encoding its BOM names (the BOM still in the bytes). */
export interface OpenedExport {
  encoding: { label: 'utf-8' | 'utf-16le' | 'utf-16be'; name: string };
  bytes: Readable;
  /** Settles when the gunzip (if any) has finished; rejects with its error. */
  done: Promise<void>;
}

/** Gzip by its magic bytes (not the name), the encoding by its BOM (UTF-8 with or without one, UTF-16 with one). */
export async function openExport(input: Readable): Promise<OpenedExport> {
  const first = await peek(input, 2);
  const gzipped = first.head[0] === 0x1f && first.head[1] === 0x8b;
  let bytes: Readable = first.stream;
  let done: Promise<void> = Promise.resolve();
  if (gzipped) {
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    done = pipeline(first.stream, gunzip);
    done.catch(() => undefined);
    bytes = gunzip;
  }
  const text = await peek(bytes, 4);
  return { encoding: encodingOf(text.head), bytes: text.stream, done };
}

/**
 * What a failure while reading an export means for the file: a truncated or corrupt gzip, or bytes
 * that are not text in the file's encoding, reject the whole file; anything else is rethrown.
 */
export function readFailure(error: unknown, file: FileRef, encoding: string): unknown {
  if (error instanceof FileRejectedError) return error;
  const fail = (cause: string) =>
    new FileRejectedError(
      `cannot read ${file.fileName}: ${cause}`,
      { feed: file.feedId, file: file.fileName },
      { cause: error },
    );
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('Z_') || /unexpected end of file|incorrect header/i.test(String(error))) {
    return fail(`the gzip data is truncated or corrupt (${(error as Error).message})`);
  }
  if (
    error instanceof InvalidEncodingError ||
    (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
  )
    return fail(`its bytes are not valid ${encoding} text`);
  return error;
}

/**
 * The file's text, chunk by chunk (`openExport`). Bytes that do not decode, and a truncated or
 * corrupt gzip, fail the whole file.
 */
export async function* decodeText(input: Readable, file: FileRef): AsyncGenerator<string> {
  let encoding = 'UTF-8';
  try {
    const opened = await openExport(input);
    encoding = opened.encoding.name;
    const decoder = new TextDecoder(opened.encoding.label, { fatal: true, ignoreBOM: false });
    for await (const chunk of opened.bytes) {
      yield decoder.decode(chunk as Buffer, { stream: true });
    }
    yield decoder.decode();
    await opened.done;
  } catch (error) {
    throw readFailure(error, file, encoding);
  }
}
