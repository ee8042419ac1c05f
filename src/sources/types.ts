import type { Logger } from 'pino';
import type { ObjectStore } from '../store/objectStore.js';

export interface FetchContext {
  store: ObjectStore;
  feedId: string;
  asOf: string;
  logger: Logger;
}

/** What a fetch hands on: where the archived bytes are, never the bytes. */
export interface FetchedSource {
  status: 'fetched' | 'unchanged';
  rawKey: string;
  sha256: string;
  bytes: number;
  fileName: string;
  /** Human description (path, URL, s3 URL); never holds credentials. */
  source: string;
}
