import type { Config } from '../src/config/schema.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import type { RunTrigger } from '../src/runs/record.js';
import { selectFeeds } from '../src/stages/selectFeeds.js';
import { ingestFlow } from './flows.js';

export interface EnqueueResult {
  as_of: string;
  feed_ids: string[];
  status: 'added' | 'already_queued';
  /** Dates that will be enqueued, in order, each once the one before it is published. */
  then: string[];
}

/**
 * Puts the run of `dates[0]` on the queues; the later dates ride along and are enqueued one by one
 * as each run finishes, so a backfill publishes oldest first and every run compares with the one
 * before it (its conversions and cessations depend on that).
 */
export async function enqueueRuns(
  runtime: QueueRuntime,
  config: Config,
  dates: string[],
  feedIds?: string[],
  trigger: RunTrigger = 'enqueue',
): Promise<EnqueueResult> {
  const [asOf, ...then] = dates;
  if (!asOf) throw new Error('enqueueRuns needs at least one date');
  const feeds = selectFeeds(config.feeds, feedIds).map((f) => f.id);
  const status = await runtime.addFlowOnce(ingestFlow(asOf, feeds, then, config.worker, trigger));
  return { as_of: asOf, feed_ids: feeds, status, then };
}
