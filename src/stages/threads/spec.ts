import { availableParallelism } from 'node:os';
import type { Config } from '../../config/schema.js';
import type { PipelineContext } from '../../context/context.js';
import { LocalStore } from '../../store/localStore.js';

/** What a classify thread needs to build its own context: plain data, cloneable into a worker thread. */
export interface ThreadSpec {
  storeRoot: string;
  config: Config;
  baseDir: string;
  codeVersion: string;
  logLevel: string;
}

/**
 * The context as data, or null when it cannot cross into a thread. Only the local directory store
 * does: an S3 store may hold a credentials provider (a function), so S3 runs stay in one thread.
 */
export function threadSpecOf(ctx: PipelineContext): ThreadSpec | null {
  if (!(ctx.store instanceof LocalStore)) return null;
  return {
    storeRoot: ctx.store.root,
    config: ctx.config,
    baseDir: ctx.baseDir,
    codeVersion: ctx.codeVersion,
    logLevel: ctx.logger.level,
  };
}

/**
 * Below this many rows a stage stays in its own thread: starting threads (each loads its modules
 * and the catalog) costs more than it saves on a small export or run.
 */
export const THREADS_AFTER_ROWS = 50_000;

/**
 * An export at least this large (about 100,000 rows gzipped, 30,000 plain) has ingest start its
 * threads with its first batch, so that they load while the first rows are read rather than after.
 */
export const THREADS_FROM_BYTES = 4 * 1024 * 1024;

/** Threads a stage may use: `DTE_THREADS`, else one per core (at most 4); 1 means none. */
export function threadCount(setting: number | undefined): number {
  return setting ?? Math.min(4, availableParallelism());
}
