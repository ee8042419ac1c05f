import type { PipelineContext } from '../context/context.js';
import { snapshotKeys, workKeys } from '../snapshot/layout.js';
import { liveLeaseDates } from './lease.js';

export interface GcOptions {
  /** Only this date's orphans (the start of a run of it, which holds its lease); else every date. */
  asOf?: string;
  /** Objects younger than this are left alone: a run on another machine may still be writing them. */
  minAgeMs: number;
}

export interface GcResult {
  temp_files: number;
  temp_bytes: number;
  work_objects: number;
  work_bytes: number;
  /** Dates left alone because a run of them holds a live lease. */
  running: string[];
}

/**
 * Removes what dead runs left behind: half-written `.tmp-` files and staged work under `work/`. A
 * date whose lease is live is skipped (its run needs its work); published snapshots are never touched.
 */
export async function collectGarbage(ctx: PipelineContext, options: GcOptions): Promise<GcResult> {
  const live = await liveLeaseDates(ctx);
  if (options.asOf) live.delete(options.asOf);
  const result: GcResult = {
    temp_files: 0,
    temp_bytes: 0,
    work_objects: 0,
    work_bytes: 0,
    running: [...live].sort(),
  };
  const asOf = options.asOf;
  const tempRoots = asOf
    ? [...ctx.config.feeds.map((f) => workKeys.ingestDatePrefix(f.id, asOf)), `${snapshotKeys.root}${asOf}/`]
    : [''];
  for (const root of tempRoots) {
    const removed = await ctx.store.removeTemporary(root, options.minAgeMs);
    result.temp_files += removed.files;
    result.temp_bytes += removed.bytes;
  }
  const cutoff = Date.now() - options.minAgeMs;
  for await (const info of ctx.store.list(workKeys.root)) {
    const date = workKeys.dateOfIngestKey(info.key);
    // The runs' intermediate objects carry no date: only `dte gc`, by their age, tells they are orphans.
    if (date === null ? asOf !== undefined : asOf ? date !== asOf : live.has(date)) continue;
    if (info.modified && Date.parse(info.modified) > cutoff) continue;
    await ctx.store.delete(info.key);
    result.work_objects++;
    result.work_bytes += info.size;
  }
  if (result.temp_files + result.work_objects > 0)
    ctx.logger.info(
      { asOf: options.asOf, ...result, running: result.running.join(',') },
      'removed orphans of dead runs',
    );
  return result;
}
