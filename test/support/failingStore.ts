import { Transform } from 'node:stream';
import { toReadable } from '../../src/store/bodies.js';
import type { Body, ObjectStore } from '../../src/store/objectStore.js';

/** Options of a store that breaks: after `afterBytes` bytes written in all, or on reads of keys matching `failReads`. */
export interface FailingStoreOptions {
  afterBytes?: number;
  /** The errno code of the failure (`ENOSPC` like a full disk, `EIO`). */
  code?: string;
  failReads?: RegExp;
  /** Only writes of keys matching this count and fail. */
  keys?: RegExp;
}

/**
 * A store that fails like a disk filling up: writes go through until `afterBytes` bytes have been
 * written (over every object), then the write in progress errors with an errno-style error; reads
 * of matching keys fail mid-stream like an aborted download.
 */
export function failingStore(
  inner: ObjectStore,
  options: FailingStoreOptions,
): ObjectStore & { written: () => number; puts: Array<{ key: string; start: number }> } {
  let written = 0;
  /** Every write in order, with the bytes written before it: where each stage's writes begin. */
  const puts: Array<{ key: string; start: number }> = [];
  const code = options.code ?? 'ENOSPC';
  const fault = () =>
    Object.assign(
      new Error(`${code}: ${code === 'ENOSPC' ? 'no space left on device' : 'i/o error'}, write`),
      {
        code,
        errno: -28,
        syscall: 'write',
      },
    );
  /** The body, failing once the bytes written in all pass the limit, when its key counts. */
  const metered = (key: string, body: Body): Body => {
    if (options.keys && !options.keys.test(key)) return body;
    puts.push({ key, start: written });
    const limit = options.afterBytes ?? Number.POSITIVE_INFINITY;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        if (written + chunk.length > limit) {
          done(fault());
          return;
        }
        written += chunk.length;
        done(null, chunk);
      },
    });
    // The store's own pipeline reports the error; until it is attached, nobody else must see it.
    meter.on('error', () => undefined);
    const source = toReadable(body);
    source.on('error', (error) => meter.destroy(error));
    return source.pipe(meter);
  };
  return {
    url: inner.url,
    written: () => written,
    puts,
    put(key, body, putOptions) {
      return inner.put(key, metered(key, body), putOptions);
    },
    putUnhashed(key, body, putOptions) {
      return inner.putUnhashed(key, metered(key, body), putOptions);
    },
    putIfAbsent: (key, body) => inner.putIfAbsent(key, body),
    async get(key) {
      const stream = await inner.get(key);
      if (!options.failReads?.test(key)) return stream;
      let seen = 0;
      const breaker = new Transform({
        transform(chunk: Buffer, _enc, done) {
          seen += chunk.length;
          if (seen > 16) done(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
          else done(null, chunk);
        },
      });
      breaker.on('error', () => undefined);
      stream.on('error', (error) => breaker.destroy(error));
      return stream.pipe(breaker);
    },
    head: (key) => inner.head(key),
    list: (prefix) => inner.list(prefix),
    delete: (key) => inner.delete(key),
    removeTemporary: (prefix, ms) => inner.removeTemporary(prefix, ms),
    presignGet: (key, seconds) => inner.presignGet(key, seconds),
    close: () => inner.close(),
  };
}
