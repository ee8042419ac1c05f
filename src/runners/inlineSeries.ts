import type { PipelineContext } from '../context/context.js';
import { errorLine } from '../domain/errors.js';
import { NothingToRetryError } from '../runs/errors.js';
import { listRecordedRuns, recordedRunsOf } from '../runs/history.js';
import { queuedRecord, type RunTrigger } from '../runs/record.js';
import { recordFollowers } from '../runs/recorder.js';
import { firstBlocking, latestPerDate, waitingFor } from '../runs/status.js';
import { selectFeeds } from '../stages/selectFeeds.js';
import { type InlineRunOutcome, runInline } from './inline.js';

export interface SeriesOutcome {
  done: Array<{ as_of: string; status: InlineRunOutcome['status'] }>;
  /** The date that failed and why; the dates after it wait for it (`dte runs retry`). */
  failed: { as_of: string; error: string } | null;
  waiting: string[];
}

/**
 * A backfill in this process: the dates oldest first, each compared with the one before it. A date
 * that fails stops the series, and the dates after it are recorded as waiting for it.
 */
export async function runSeriesInline(
  ctx: PipelineContext,
  dates: readonly string[],
  options: { feeds?: string[]; trigger: RunTrigger },
): Promise<SeriesOutcome> {
  const feedIds = selectFeeds(ctx.config.feeds, options.feeds).map((f) => f.id);
  const head = (asOf: string, status: 'queued' | 'failed') => ({
    ...queuedRecord(asOf, {
      after: asOf,
      status: 'queued',
      trigger: options.trigger,
      runner: 'inline',
      feed_ids: feedIds,
    }),
    status,
  });
  const [first, ...rest] = dates;
  if (!first) return { done: [], failed: null, waiting: [] };
  await recordFollowers(ctx.store, head(first, 'queued'), rest);
  const done: SeriesOutcome['done'] = [];
  for (const [i, asOf] of dates.entries()) {
    try {
      const outcome = await runInline(ctx, {
        asOf,
        feeds: feedIds,
        trigger: i === 0 ? options.trigger : 'backfill',
      });
      done.push({ as_of: asOf, status: outcome.status });
    } catch (error) {
      const waiting = dates.slice(i + 1);
      await recordFollowers(ctx.store, head(asOf, 'failed'), waiting);
      return { done, failed: { as_of: asOf, error: errorLine(error) }, waiting };
    }
  }
  return { done, failed: null, waiting: [] };
}

/** Runs a failed date again in this process, then the dates that wait for it, in order. */
export async function retryInline(ctx: PipelineContext, asOf: string): Promise<SeriesOutcome> {
  const latest = latestPerDate((await recordedRunsOf(ctx.store, asOf)).map((r) => r.record))[0];
  if (latest?.status !== 'failed')
    throw new NothingToRetryError(`no failed inline run of ${asOf} to retry`, { asOf });
  const all = (await listRecordedRuns(ctx.store)).map((r) => r.record);
  return runSeriesInline(ctx, [asOf, ...waitingFor(all, asOf)], {
    feeds: latest.feed_ids,
    trigger: latest.trigger,
  });
}

/** The oldest failed date of a backfill that later dates wait for, or null when none waits. */
export async function blockedInline(ctx: PipelineContext): Promise<string | null> {
  return firstBlocking((await listRecordedRuns(ctx.store)).map((r) => r.record));
}
