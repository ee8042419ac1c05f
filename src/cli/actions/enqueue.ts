import { enqueueRuns } from '../../../jobs/enqueue.js';
import { UsageError } from '../../domain/errors.js';
import { dateSeries, parseAsOf, yesterdayInVietnam } from '../../time/asOf.js';
import { backfillInline, resume } from './runs.js';
import { withRuntime } from './runtime.js';

function print(
  json: boolean | undefined,
  value: { as_of: string; status: string; then: string[]; feed_ids: string[] },
): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  const what = value.status === 'added' ? 'enqueued' : 'already queued (nothing added)';
  const rest =
    value.then.length > 0 ? `; then ${value.then.length} more, oldest first, up to ${value.then.at(-1)}` : '';
  process.stdout.write(`${value.as_of} [${value.feed_ids.join(', ')}]: ${what}${rest}\n`);
}

export interface EnqueueOptions {
  config?: string;
  asOf?: string;
  feed: string[];
  json?: boolean;
}

export interface BackfillOptions {
  from?: string;
  to?: string;
  every: 'day' | 'week' | 'month';
  config?: string;
  feed: string[];
  inline?: boolean;
  resume?: boolean;
  json?: boolean;
}

/** `dte enqueue`: one run on the queues. */
export async function enqueueAction(options: EnqueueOptions): Promise<void> {
  const asOf = options.asOf ? parseAsOf(options.asOf) : yesterdayInVietnam();
  await withRuntime(options.config, async (runtime, loaded) => {
    print(options.json, await enqueueRuns(runtime, loaded.config, [asOf], options.feed));
  });
}

/** `dte backfill`: a series of runs on the queues (or `--inline` in this process), oldest first; `--resume` goes on after a failed date. */
export async function backfillAction(options: BackfillOptions): Promise<void> {
  if (options.resume) return resume(options.config, options.json);
  if (!options.from || !options.to) throw new UsageError('backfill needs --from and --to (or --resume)');
  const dates = dateSeries(options.from, options.to, options.every);
  if (options.inline) return backfillInline(options.config, dates, options.feed, options.json);
  await withRuntime(options.config, async (runtime, loaded) => {
    print(options.json, await enqueueRuns(runtime, loaded.config, dates, options.feed, 'backfill'));
  });
}
