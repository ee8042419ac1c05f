import path from 'node:path';
import { UsageError } from '../domain/errors.js';

/**
 * A store URL checked and made absolute: `file:DIR` (DIR relative to `baseDir`) or
 * `s3://bucket/prefix`. `origin` names where the URL came from (`--store`, `DTE_STORE`, the config
 * key), since a typo there would otherwise publish into a folder named after the typo.
 */
export function resolveStoreUrl(url: string, origin: string, baseDir: string): string {
  if (url.startsWith('s3://')) {
    if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/|$)/.test(url))
      throw new UsageError(
        `${origin}: ${JSON.stringify(url)} does not name an S3 bucket (s3://bucket/prefix)`,
        {
          origin,
        },
      );
    return url;
  }
  if (url.startsWith('file:')) {
    const dir = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (dir.length === 0)
      throw new UsageError(`${origin}: store URL has no directory: ${JSON.stringify(url)}`);
    return `file:${path.resolve(baseDir, dir)}`;
  }
  throw new UsageError(
    `${origin}: store URL must be file:DIR or s3://bucket/prefix, got ${JSON.stringify(url)}`,
    { origin },
  );
}
