import { createReadStream } from 'node:fs';
import type { z } from 'zod';
import { DteError } from '../domain/errors.js';
import { rawKey } from '../snapshot/layout.js';
import { openStore } from '../store/openStore.js';
import { extensionOf } from './archive.js';
import type { s3SourceSchema } from './schema.js';
import { spool } from './spool.js';
import type { FetchContext, FetchedSource } from './types.js';

type S3Source = z.infer<typeof s3SourceSchema>;

/**
 * An export in an S3 bucket: one object, or with `newest: true` the most recently modified object
 * under a prefix (ties broken by key). Same endpoint settings as an S3 store.
 */
export async function fetchS3(source: S3Source, ctx: FetchContext): Promise<FetchedSource> {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(source.url)!;
  const bucket = match[1]!;
  const path = match[2]!;
  const store = await openStore(`s3://${bucket}`);
  try {
    let key = path;
    if (source.newest) {
      let best: { key: string; modified: string } | null = null;
      for await (const info of store.list(path)) {
        const modified = info.modified ?? '';
        if (!best || modified > best.modified || (modified === best.modified && info.key > best.key))
          best = { key: info.key, modified };
      }
      if (!best)
        throw new DteError(`no object under ${source.url}`, { feed: ctx.feedId, source: source.url });
      key = best.key;
    }
    const spooled = await spool(await store.get(key), Number.MAX_SAFE_INTEGER, {
      feed: ctx.feedId,
      source: source.url,
    });
    try {
      const fileName = key.split('/').pop() ?? key;
      const archive = rawKey(ctx.feedId, ctx.asOf, spooled.sha256, extensionOf(fileName));
      if ((await ctx.store.head(archive))?.size !== spooled.bytes)
        await ctx.store.put(archive, createReadStream(spooled.file));
      return {
        status: 'fetched',
        rawKey: archive,
        sha256: spooled.sha256,
        bytes: spooled.bytes,
        fileName,
        source: `s3://${bucket}/${key}`,
      };
    } finally {
      await spooled.remove();
    }
  } finally {
    await store.close();
  }
}
