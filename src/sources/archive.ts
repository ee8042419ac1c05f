import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { rawKey } from '../snapshot/layout.js';
import type { FetchContext } from './types.js';

/** `export.csv.gz` → `csv.gz`; names without an extension archive as `bin`. */
export function extensionOf(fileName: string): string {
  const base = path.basename(fileName).toLowerCase();
  const match = /\.([a-z0-9]{1,8}(?:\.gz)?)$/.exec(base);
  return match?.[1] ?? 'bin';
}

export async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Archives a local file's exact bytes under `raw/<feed>/<as_of>/<sha256>.<ext>`. The key holds the
 * hash, so an archive that is already there is the same bytes and is not written again.
 */
export async function archiveFile(
  file: string,
  ctx: FetchContext,
): Promise<{ rawKey: string; sha256: string; bytes: number }> {
  const { sha256, bytes } = await sha256OfFile(file);
  const key = rawKey(ctx.feedId, ctx.asOf, sha256, extensionOf(file));
  if ((await ctx.store.head(key))?.size !== bytes) {
    const put = await ctx.store.put(key, createReadStream(file));
    if (put.sha256 !== sha256) throw new Error(`file ${file} changed while it was archived`);
  }
  return { rawKey: key, sha256, bytes };
}
