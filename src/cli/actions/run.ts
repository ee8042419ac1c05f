import path from 'node:path';
import type { LoadedConfig } from '../../config/load.js';
import { FEED_FORMATS, type FeedConfig, feedSchema } from '../../config/schema.js';
import { createContext } from '../../context/createContext.js';
import { UsageError } from '../../domain/errors.js';
import { type InlineRunOutcome, runInline } from '../../runners/inline.js';
import { parseAsOf, yesterdayInVietnam } from '../../time/asOf.js';
import { EXIT } from '../errors.js';
import { loadCommandConfig } from '../loadCommandConfig.js';
import { endProgress, terminalProgress } from '../progress.js';
import { runJson } from './runJson.js';

export interface RunOptions {
  config?: string;
  asOf?: string;
  feed: string[];
  input: string[];
  format?: string;
  store?: string;
  industryCodes?: string;
  partitions?: string;
  feedId?: string;
  sheet?: string;
  headerRow?: string;
  json?: boolean;
}

/** The flag each field of an ad-hoc feed comes from, so that a bad value names the flag to fix. */
const FLAG_OF: Record<string, string> = {
  id: '--feed-id',
  format: '--format',
  industry_codes: '--industry-codes',
  sheet: '--sheet',
  header_row: '--header-row',
};

/** `dte run`: the whole pipeline once, in this process. */
export async function runAction(options: RunOptions): Promise<void> {
  const loaded = withAdHocFeeds(loadCommandConfig(options, 'run'), options);
  const asOf = options.asOf ? parseAsOf(options.asOf) : yesterdayInVietnam();
  const ctx = await createContext(loaded, { onProgress: terminalProgress() });
  try {
    const outcome = await runInline(ctx, { asOf, feeds: options.feed });
    endProgress();
    process.stdout.write(
      options.json
        ? `${JSON.stringify(runJson(outcome, ctx.store.url), null, 2)}\n`
        : describeOutcome(outcome, ctx.store.url),
    );
    if (outcome.status === 'held') process.exitCode = EXIT.held;
  } finally {
    endProgress();
    await ctx.store.close();
  }
}

/** `--input` files become feeds of their own, named after the files; `--store` overrides the store. */
function withAdHocFeeds(loaded: LoadedConfig, options: RunOptions): LoadedConfig {
  const config = { ...loaded.config };
  if (options.partitions !== undefined) {
    const n = Number(options.partitions);
    if (!Number.isInteger(n) || n < 1 || n > 256)
      throw new UsageError(`--partitions must be a whole number 1..256, got ${options.partitions}`);
    config.partitions = n;
  }
  if (options.input.length === 0) {
    if (options.format) throw new UsageError('--format goes with --input');
    return { ...loaded, config };
  }
  if (!options.format) throw new UsageError(`--input needs --format (${FEED_FORMATS.join(', ')})`);
  if (options.feed.length > 0)
    throw new UsageError('--feed selects configured feeds; it does not go with --input');
  if (options.feedId && options.input.length > 1)
    throw new UsageError('--feed-id names a single --input file');
  const used = new Set<string>();
  config.feeds = options.input.map((file): FeedConfig => {
    const parsed = feedSchema.safeParse({
      id: options.feedId ?? uniqueId(feedIdOf(file), used),
      format: options.format,
      source: { type: 'file', path: path.resolve(file) },
      industry_codes: options.industryCodes,
      sheet: options.sheet,
      header_row: options.headerRow === undefined ? undefined : Number(options.headerRow),
    });
    if (!parsed.success)
      throw new UsageError(
        parsed.error.issues
          .map((i) => `${FLAG_OF[String(i.path[0])] ?? `--input ${file}`}: ${i.message}`)
          .join('; '),
      );
    return parsed.data;
  });
  return { ...loaded, config };
}

function feedIdOf(file: string): string {
  const base = path.basename(file).replace(/\.(csv|ndjson|json|txt|xlsx)?(\.gz)?$/i, '');
  const slug = base
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'input';
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let i = 2; used.has(candidate); i++) candidate = `${id}-${i}`;
  used.add(candidate);
  return candidate;
}

function describeOutcome(outcome: InlineRunOutcome, storeUrl: string): string {
  if (outcome.status === 'unchanged')
    return 'every feed is unchanged since its last fetch: nothing published\n';
  const { plan } = outcome;
  const lines = [
    outcome.status === 'published'
      ? `published ${plan.as_of} run ${plan.run_id}`
      : outcome.status === 'held'
        ? `HELD ${plan.as_of} run ${plan.run_id}, not latest: ${outcome.held.reasons.map((r) => r.detail).join('; ')} (dte snapshots release ${plan.as_of} --reason …)`
        : `already published: ${plan.as_of} run ${plan.run_id} (same inputs, same files)`,
    `store: ${storeUrl}  folder: snapshots/${plan.as_of}/${plan.run_id}/`,
  ];
  for (const feed of plan.feeds) {
    lines.push(
      `  ${feed.feed_id}: ${feed.rows_read} rows read, ${feed.valid} valid, ${feed.rejected} rejected (${feed.fetch_status})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
