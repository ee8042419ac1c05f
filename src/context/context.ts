import type { Logger } from 'pino';
import type { Config, FeedConfig } from '../config/schema.js';
import { DteError } from '../domain/errors.js';
import type { ObjectStore } from '../store/objectStore.js';

/** A progress tick: rows read so far in one feed's ingest, or units done of a run-wide stage. */
export type ProgressEvent =
  | { stage: 'ingest'; feed: string; rows: number }
  | {
      stage: 'classify' | 'aggregate' | 'publish' | 'after_publish';
      done: number;
      total: number;
      unit: 'partitions' | 'steps';
    };

/**
 * What every stage handler receives. Built once per process by `createContext`; holds no run state,
 * so a BullMQ worker can serve any job of any run with it.
 */
export interface PipelineContext {
  store: ObjectStore;
  logger: Logger;
  config: Config;
  /** Folder that relative paths in the config (files, globs, targets) are resolved against. */
  baseDir: string;
  codeVersion: string;
  /** Worker threads a stage may use (`DTE_THREADS`); absent means one per core, 1 means none. */
  threads?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export function findFeed(ctx: PipelineContext, feedId: string): FeedConfig {
  const feed = ctx.config.feeds.find((f) => f.id === feedId);
  if (!feed) throw new DteError(`unknown feed ${feedId}`, { feed: feedId });
  return feed;
}
