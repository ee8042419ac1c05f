import path from 'node:path';
import { UsageError } from '../domain/errors.js';
import { LocalStore } from './localStore.js';
import type { ObjectStore } from './objectStore.js';

/**
 * The store named by a URL: `file:DIR` (or a plain path) is a local directory, resolved against
 * `baseDir` (the config file's folder) or the working directory; `s3://bucket/prefix` is S3.
 */
export function openStore(url: string, options: { baseDir?: string } = {}): ObjectStore {
  if (url.startsWith('s3://')) {
    throw new UsageError(`S3 stores are not available in this build: ${url}`, { store: url });
  }
  const dir = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (dir.length === 0) throw new UsageError(`store URL has no directory: ${JSON.stringify(url)}`);
  return new LocalStore(path.resolve(options.baseDir ?? process.cwd(), dir));
}
