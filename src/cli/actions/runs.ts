import { blockedQueued, listQueuedRuns, retryQueued } from '../../../jobs/queuedRuns.js';
import type { LoadedConfig } from '../../config/load.js';
import type { PipelineContext } from '../../context/context.js';
import { createContext } from '../../context/createContext.js';
import { RedisUnavailableError } from '../../queue/connection.js';
import type { QueueRuntime } from '../../queue/runtime.js';
import {
  blockedInline,
  retryInline,
  runSeriesInline,
  type SeriesOutcome,
} from '../../runners/inlineSeries.js';
import { NoRunError } from '../../runs/errors.js';
import { listRecordedRuns, recordedRunsOf } from '../../runs/history.js';
import { byDateThenStart, type RunRecord } from '../../runs/record.js';
import { latestPerDate } from '../../runs/status.js';
import { parseAsOf } from '../../time/asOf.js';
import { loadCommandConfig } from '../loadCommandConfig.js';
import { withQueues } from './runtime.js';

/** How long `dte runs` waits for Redis before it shows the store's runs alone. */
const QUEUE_WAIT_MS = 1500;

/** A failed date started again, and the dates that waited for it (`dte runs retry`, `dte backfill --resume`). */
export interface RetryOutcome {
  as_of: string;
  runner: RunRecord['runner'];
  /** The failed date, then the dates that waited for it, oldest first. */
  dates: string[];
  /** inline: `done` or `failed` (the date failed again); bullmq: `added` or `already_queued`. */
  status: 'done' | 'failed' | 'added' | 'already_queued';
  failed: { as_of: string; error: string } | null;
  waiting: string[];
}

export interface ReadOptions {
  config?: string;
  queues: boolean;
  json?: boolean;
}

export interface RunsListOptions extends ReadOptions {
  from?: string;
}

/** `dte runs list`: every run, from the store and the queues. */
export async function runsListAction(options: RunsListOptions): Promise<void> {
  const from = options.from ? parseAsOf(options.from, 'date') : undefined;
  const found = await allRuns(options, from);
  if (options.json) process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
  else if (found.length > 0) process.stdout.write(listText(found));
  // An empty list is said on stderr and fails, so a wrong store or prefix does not pass for none.
  if (found.length === 0) {
    process.stderr.write(`dte: no runs recorded${from ? ` from ${from}` : ''}\n`);
    process.exitCode = 1;
  }
}

/** `dte runs show D`: that date's runs with every stage. */
export async function runsShowAction(date: string, options: ReadOptions): Promise<void> {
  const asOf = parseAsOf(date, 'date');
  const found = (await allRuns(options, asOf)).filter((r) => r.as_of === asOf);
  if (found.length === 0) throw new NoRunError(`no run of ${asOf} in the store or on the queues`, { asOf });
  process.stdout.write(options.json ? `${JSON.stringify(found, null, 2)}\n` : found.map(showText).join('\n'));
}

/** `dte runs retry D`: the failed date again, then the dates that wait for it. */
export async function runsRetryAction(
  date: string,
  options: { config?: string; json?: boolean },
): Promise<void> {
  printRetry(await retryDate(options.config, parseAsOf(date, 'date')), options.json);
}

/** The store's runs and the queues' (when Redis answers), in date then start order. */
async function allRuns(options: ReadOptions, from?: string): Promise<RunRecord[]> {
  const loaded = loadCommandConfig(options, 'queues');
  const ctx = await createContext(loaded);
  try {
    const stored = (await listRecordedRuns(ctx.store, from)).map((r) => r.record);
    const queued = options.queues ? ((await queuesIfUp(loaded, (rt) => listQueuedRuns(rt, from))) ?? []) : [];
    return [...stored, ...queued].sort(byDateThenStart);
  } finally {
    await ctx.store.close();
  }
}

/** Runs `use` on the queues, or says on stderr why they were not read and gives null. */
async function queuesIfUp<T>(
  loaded: LoadedConfig,
  use: (runtime: QueueRuntime) => Promise<T>,
): Promise<T | null> {
  try {
    return await withQueues(loaded, use, QUEUE_WAIT_MS);
  } catch (error) {
    if (!(error instanceof RedisUnavailableError)) throw error;
    process.stderr.write(`dte: queues not read: ${error.describe()}\n`);
    return null;
  }
}

/**
 * Retries where the date failed: in this process when its newest run is an inline one of the store,
 * else on the queues.
 */
export async function retryDate(configFile: string | undefined, asOf: string): Promise<RetryOutcome> {
  const loaded = loadCommandConfig({ config: configFile }, 'worker');
  const ctx = await createContext(loaded);
  try {
    const latest = latestPerDate((await recordedRunsOf(ctx.store, asOf)).map((r) => r.record))[0];
    if (latest?.status === 'failed') return fromSeries(asOf, await retryInline(ctx, asOf));
  } finally {
    await ctx.store.close();
  }
  return retryOnQueues(loaded, asOf);
}

/** `dte backfill --resume`: the oldest failed date later dates wait for, inline first, then the queues. */
export async function resumeBackfill(configFile: string | undefined): Promise<RetryOutcome | null> {
  const loaded = loadCommandConfig({ config: configFile }, 'worker');
  const ctx: PipelineContext = await createContext(loaded);
  try {
    const blocked = await blockedInline(ctx);
    if (blocked) return fromSeries(blocked, await retryInline(ctx, blocked));
  } finally {
    await ctx.store.close();
  }
  const blocked = await withQueues(loaded, (runtime) => blockedQueued(runtime));
  return blocked ? retryOnQueues(loaded, blocked) : null;
}

async function retryOnQueues(loaded: LoadedConfig, asOf: string): Promise<RetryOutcome> {
  const result = await withQueues(loaded, (runtime) => retryQueued(runtime, loaded.config, asOf));
  return {
    as_of: asOf,
    runner: 'bullmq',
    dates: [asOf, ...result.then],
    status: result.status,
    failed: null,
    waiting: [],
  };
}

function fromSeries(asOf: string, series: SeriesOutcome): RetryOutcome {
  return {
    as_of: asOf,
    runner: 'inline',
    dates: [
      ...series.done.map((d) => d.as_of),
      ...(series.failed ? [series.failed.as_of] : []),
      ...series.waiting,
    ],
    status: series.failed ? 'failed' : 'done',
    failed: series.failed,
    waiting: series.waiting,
  };
}

/** Prints a retry's outcome; a date that failed again makes the command fail (exit 1). */
export function printRetry(outcome: RetryOutcome, json: boolean | undefined): void {
  process.stdout.write(json ? `${JSON.stringify(outcome, null, 2)}\n` : retryText(outcome));
  reportFailure(outcome);
}

function retryText(outcome: RetryOutcome): string {
  if (outcome.runner === 'bullmq') {
    const what = outcome.status === 'added' ? 'enqueued again' : 'already queued';
    return `${outcome.as_of}: ${what}, then ${outcome.dates.length - 1} more in order\n`;
  }
  return outcome.failed ? '' : `ran ${outcome.dates.join(', ')}: done\n`;
}

function reportFailure(outcome: RetryOutcome): void {
  if (!outcome.failed) return;
  process.exitCode = 1;
  const rest = outcome.waiting.length > 0 ? `; ${outcome.waiting.length} later dates wait for it` : '';
  process.stderr.write(`dte: error: ${outcome.failed.as_of} failed: ${outcome.failed.error}${rest}\n`);
}

function seconds(ms: number | null): string {
  return ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`;
}

function note(run: RunRecord): string {
  if (run.status === 'waiting') return `waits for ${run.waiting_for} (failed)`;
  if (run.status === 'queued' && run.waiting_for && run.waiting_for !== run.as_of)
    return `after ${run.waiting_for}`;
  if (run.status === 'failed') {
    const stage = run.stages.find((s) => s.status === 'failed')?.stage ?? 'run';
    return `${stage}: ${run.error ?? 'failed'}`;
  }
  if (run.status === 'running')
    return `in ${run.stages.find((s) => s.status === 'running')?.stage ?? 'a stage'}`;
  return '';
}

function listText(runs: readonly RunRecord[]): string {
  const rows = runs.map((r) => [
    r.as_of,
    r.status,
    r.trigger,
    r.runner,
    r.started ?? '-',
    seconds(r.duration_ms),
    r.rows?.toString() ?? '-',
    r.run_id ?? '-',
    note(r),
  ]);
  const head = ['as_of', 'status', 'trigger', 'runner', 'started', 'duration', 'rows', 'run_id', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}

function showText(run: RunRecord): string {
  const lines = [
    `${run.as_of} ${run.status} (${run.trigger}, ${run.runner}) run ${run.run_id ?? '-'}`,
    `  started ${run.started ?? '-'}, ${seconds(run.duration_ms)}, ${run.rows ?? '-'} rows, feeds ${run.feed_ids.join(', ')}`,
  ];
  if (note(run)) lines.push(`  ${note(run)}`);
  for (const s of run.stages)
    lines.push(
      `  ${s.stage.padEnd(9)} ${s.status.padEnd(7)} ${s.started ?? '-'} ${seconds(s.duration_ms)}${s.error ? `  ${s.error}` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}

/** `dte backfill --inline`: the series in this process; a failed date leaves the rest waiting (exit 1). */
export async function backfillInline(
  configFile: string | undefined,
  dates: string[],
  feeds: string[],
  json: boolean | undefined,
): Promise<void> {
  const ctx = await createContext(loadCommandConfig({ config: configFile }, 'worker'));
  try {
    const [first = ''] = dates;
    printRetry(fromSeries(first, await runSeriesInline(ctx, dates, { feeds, trigger: 'backfill' })), json);
  } finally {
    await ctx.store.close();
  }
}

/** `dte backfill --resume` (`--json`: `{ resumed: RetryOutcome | null }`); with nothing waiting it says so and succeeds. */
export async function resume(configFile: string | undefined, json: boolean | undefined): Promise<void> {
  const outcome = await resumeBackfill(configFile);
  if (json) process.stdout.write(`${JSON.stringify({ resumed: outcome }, null, 2)}\n`);
  else
    process.stdout.write(
      outcome ? retryText(outcome) : 'no backfill waits for a failed date: nothing to resume\n',
    );
  if (outcome) reportFailure(outcome);
}
