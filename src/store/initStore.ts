import { mkdir } from 'node:fs/promises';
import { LocalStore } from './localStore.js';
import type { ObjectStore } from './objectStore.js';

/**
 * Makes the place a store writes to exist: the bucket of an S3 store, the folder of a local one.
 * Idempotent; true when something was created. A deployment runs it once at start
 * (`dte store init`), so that no S3 server's own bucket tooling is needed.
 */
export async function initStore(store: ObjectStore): Promise<boolean> {
  if (store instanceof LocalStore) {
    return (await mkdir(store.root, { recursive: true })) !== undefined;
  }
  const { S3Store } = await import('./s3Store.js');
  if (store instanceof S3Store) return store.ensureBucket();
  return false;
}
