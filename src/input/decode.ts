import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { FileRejectedError } from '../domain/errors.js';

export interface FileRef {
  feedId: string;
  fileName: string;
}

/** The first bytes of a stream, and a stream that still yields all of them. */
async function peek(input: Readable, want: number): Promise<{ head: Buffer; stream: Readable }> {
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

/**
 * The file's text, chunk by chunk: gzip is recognised by its magic bytes (not the name), the
 * encoding by its BOM (UTF-8 with or without one, UTF-16LE/BE with one). Bytes that do not decode,
 * and a truncated or corrupt gzip, fail the whole file.
 */
export async function* decodeText(input: Readable, file: FileRef): AsyncGenerator<string> {
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
  const fail = (cause: string, error?: unknown) =>
    new FileRejectedError(
      `cannot read ${file.fileName}: ${cause}`,
      { feed: file.feedId, file: file.fileName },
      { cause: error },
    );
  let encoding = { label: 'utf-8', name: 'UTF-8' };
  try {
    const text = await peek(bytes, 4);
    encoding = encodingOf(text.head);
    const decoder = new TextDecoder(encoding.label, { fatal: true, ignoreBOM: false });
    for await (const chunk of text.stream) {
      yield decoder.decode(chunk as Buffer, { stream: true });
    }
    yield decoder.decode();
    await done;
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || /unexpected end of file|incorrect header/i.test(String(error))) {
      throw fail(`the gzip data is truncated or corrupt (${(error as Error).message})`, error);
    }
    if (error instanceof TypeError) throw fail(`its bytes are not valid ${encoding.name} text`, error);
    throw error;
  }
}
