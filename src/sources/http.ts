import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { DteError, NotFoundError } from '../domain/errors.js';
import { withRetries } from '../retry/backoffs.js';
import { httpStateKey, rawKey } from '../snapshot/layout.js';
import { readAll } from '../store/bodies.js';
import { extensionOf } from './archive.js';
import type { httpSourceSchema } from './schema.js';
import { spool } from './spool.js';
import type { FetchContext, FetchedSource } from './types.js';

type HttpSource = z.infer<typeof httpSourceSchema>;

const stateSchema = z.object({
  url: z.string(),
  etag: z.string().nullable(),
  last_modified: z.string().nullable(),
  raw_key: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  file_name: z.string(),
});
type HttpState = z.infer<typeof stateSchema>;

async function readState(ctx: FetchContext, url: string): Promise<HttpState | null> {
  try {
    const state = stateSchema.parse(
      JSON.parse((await readAll(await ctx.store.get(httpStateKey(ctx.feedId)))).toString('utf8')),
    );
    return state.url === url ? state : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Without credentials or query secrets: what a manifest and a log line may show. */
function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

class Retryable extends Error {}

async function request(source: HttpSource, state: HttpState | null, ctx: FetchContext): Promise<Response> {
  const headers: Record<string, string> = { ...source.headers };
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.last_modified) headers['if-modified-since'] = state.last_modified;
  const where = { feed: ctx.feedId, source: describeUrl(source.url) };
  const once = async () => {
    const res = await fetch(source.url, { headers, signal: AbortSignal.timeout(source.timeout_ms) });
    if (res.status >= 500) throw new Retryable(`HTTP ${res.status}`);
    if (res.status !== 200 && res.status !== 304)
      throw new DteError(`HTTP ${res.status} from ${describeUrl(source.url)}`, {
        ...where,
        status: res.status,
      });
    return res;
  };
  try {
    return await withRetries(
      once,
      { attempts: source.retries + 1, baseMs: source.backoff_ms },
      {
        retryable: (error) => !(error instanceof DteError),
        onRetry: (error, attempt) =>
          ctx.logger.warn({ ...where, attempt, err: (error as Error).message }, 'fetch failed, retrying'),
      },
    );
  } catch (error) {
    if (error instanceof DteError) throw error;
    const cause =
      (error as Error)?.name === 'TimeoutError'
        ? `no complete answer within ${source.timeout_ms} ms`
        : (error as Error)?.message;
    throw new DteError(
      `cannot fetch ${describeUrl(source.url)} after ${source.retries + 1} attempts: ${cause}`,
      where,
      { cause: error },
    );
  }
}

/**
 * An export over HTTP(S): conditional GET with the last `ETag`/`Last-Modified`, retries with backoff
 * on network errors and 5xx, a time limit and a size limit; the exact bytes are archived under `raw/`.
 */
export async function fetchHttp(source: HttpSource, ctx: FetchContext): Promise<FetchedSource> {
  const state = await readState(ctx, source.url);
  const res = await request(source, state, ctx);
  const shown = describeUrl(source.url);
  if (res.status === 304 && state) {
    ctx.logger.info({ feed: ctx.feedId, source: shown }, 'export not modified since the last fetch');
    return {
      status: 'unchanged',
      rawKey: state.raw_key,
      sha256: state.sha256,
      bytes: state.bytes,
      fileName: state.file_name,
      source: shown,
    };
  }
  const length = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(length) && length > source.max_bytes) {
    await res.body?.cancel();
    throw new DteError(`export is ${length} bytes, more than max_bytes ${source.max_bytes}`, {
      feed: ctx.feedId,
      source: shown,
    });
  }
  if (!res.body) throw new DteError('empty HTTP answer', { feed: ctx.feedId, source: shown });
  const fileName = decodeURIComponent(new URL(source.url).pathname.split('/').pop() || 'export.csv');
  const spooled = await spool(Readable.fromWeb(res.body as unknown as WebReadableStream), source.max_bytes, {
    feed: ctx.feedId,
    source: shown,
  });
  try {
    const key = rawKey(ctx.feedId, ctx.asOf, spooled.sha256, extensionOf(fileName));
    if ((await ctx.store.head(key))?.size !== spooled.bytes)
      await ctx.store.put(key, createReadStream(spooled.file));
    const next: HttpState = {
      url: source.url,
      etag: res.headers.get('etag'),
      last_modified: res.headers.get('last-modified'),
      raw_key: key,
      sha256: spooled.sha256,
      bytes: spooled.bytes,
      file_name: fileName,
    };
    await ctx.store.put(httpStateKey(ctx.feedId), JSON.stringify(next), { contentType: 'application/json' });
    // A server without conditional GET still tells us nothing new when the bytes are the same.
    const status = state?.sha256 === spooled.sha256 ? 'unchanged' : 'fetched';
    return { status, rawKey: key, sha256: spooled.sha256, bytes: spooled.bytes, fileName, source: shown };
  } finally {
    await spooled.remove();
  }
}
