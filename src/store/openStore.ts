import path from 'node:path';
import { readEnv } from '../config/env.js';
import { UsageError } from '../domain/errors.js';
import { LocalStore } from './localStore.js';
import type { ObjectStore } from './objectStore.js';
import type { S3StoreOptions } from './s3Store.js';

/**
 * The store named by a URL: `file:DIR` (or a plain path) is a local directory, resolved against
 * `baseDir` (the config file's folder) or the working directory; `s3://bucket/prefix` is S3, set up
 * from `S3_ENDPOINT`, `S3_REGION`, `S3_FORCE_PATH_STYLE` and the AWS SDK's own credential chain.
 * The SDK is loaded here, only for an S3 store or source: it is heavy to import, and most runs use
 * the local store.
 */
export async function openStore(
  url: string,
  options: { baseDir?: string; s3?: S3StoreOptions } = {},
): Promise<ObjectStore> {
  if (url.startsWith('s3://')) {
    const env = readEnv(process.env, ['S3_ENDPOINT', 'S3_REGION', 'S3_FORCE_PATH_STYLE']);
    const { S3Store } = await import('./s3Store.js');
    return new S3Store(url, {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      ...options.s3,
    });
  }
  const dir = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (dir.length === 0) throw new UsageError(`store URL has no directory: ${JSON.stringify(url)}`);
  return new LocalStore(path.resolve(options.baseDir ?? process.cwd(), dir));
}
