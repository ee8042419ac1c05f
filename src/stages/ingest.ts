import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadIndustryCatalog } from '../classify/index.js';
import type { PipelineContext } from '../context/context.js';
import { findFeed } from '../context/context.js';
import { DteError } from '../domain/errors.js';
import { DEFAULT_LIMITS, type ParseOptions } from '../input/index.js';
import { workKeys } from '../snapshot/layout.js';
import { fetchSource } from '../sources/index.js';
import type { FetchedSource } from '../sources/types.js';
import { BatchStager } from './batchStager.js';
import { StagingSink, stageExport } from './ingestExport.js';
import { inStage } from './inStage.js';
import type { IngestResult } from './results.js';
import { THREADS_FROM_BYTES, threadCount } from './threads/spec.js';

export interface IngestPayload {
  as_of: string;
  feed_id: string;
}

/**
 * `{as_of}` in a path or URL becomes the run's date (exports named by day); relative file paths and
 * globs are relative to the config file, not the cwd.
 */
function resolveSource(
  source: Record<string, unknown>,
  baseDir: string,
  asOf: string,
): Record<string, unknown> {
  const dated = Object.fromEntries(
    Object.entries(source).map(([k, v]) => [
      k,
      typeof v === 'string' && (k === 'path' || k === 'url') ? v.replaceAll('{as_of}', asOf) : v,
    ]),
  );
  if (dated.type === 'file' && typeof dated.path === 'string' && !path.isAbsolute(dated.path)) {
    return { ...dated, path: path.join(baseDir, dated.path) };
  }
  return dated;
}

function isDefaultLimits(limits: { max_record_bytes: number; max_cell_bytes: number }): boolean {
  return (
    limits.max_record_bytes === DEFAULT_LIMITS.maxRecordBytes &&
    limits.max_cell_bytes === DEFAULT_LIMITS.maxCellBytes
  );
}

/** A feed's export fetched and archived, and the folder its validated rows go to: known before parsing. */
export interface FetchedFeed {
  payload: IngestPayload;
  fetched: FetchedSource;
  staging_prefix: string;
}

const where = (payload: IngestPayload) =>
  ({ stage: 'ingest', asOf: payload.as_of, feed: payload.feed_id }) as const;

/** Fetches one feed's export, archives its bytes, validates every row into the run's partitions. */
export async function ingestFeed(ctx: PipelineContext, payload: IngestPayload): Promise<IngestResult> {
  return parseFeed(ctx, await fetchFeed(ctx, payload));
}

/** Fetches one feed's export and archives its bytes; its hash and staging folder are then known. */
export function fetchFeed(ctx: PipelineContext, payload: IngestPayload): Promise<FetchedFeed> {
  return inStage(where(payload), () => fetchOnce(ctx, payload));
}

async function fetchOnce(ctx: PipelineContext, payload: IngestPayload): Promise<FetchedFeed> {
  const feed = findFeed(ctx, payload.feed_id);
  const log = ctx.logger.child({ stage: 'ingest', feed: feed.id, asOf: payload.as_of });
  const fetched = await fetchSource(resolveSource(feed.source, ctx.baseDir, payload.as_of), {
    store: ctx.store,
    feedId: feed.id,
    asOf: payload.as_of,
    logger: log,
  });
  // Validation depends on the bytes, the feed's settings, the as-of date and the code: so does the folder.
  // Limits join the key only when set, so that the folders of runs under the defaults keep their names.
  const limits = isDefaultLimits(ctx.config.limits) ? [] : [ctx.config.limits];
  const stagingId = createHash('sha256')
    .update(
      JSON.stringify([
        fetched.sha256,
        feed,
        payload.as_of,
        ctx.config.partitions,
        ctx.codeVersion,
        ...limits,
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  return { payload, fetched, staging_prefix: workKeys.ingestPrefix(feed.id, payload.as_of, stagingId) };
}

/** Validates every row of a fetched export into the run's partitions. */
export function parseFeed(ctx: PipelineContext, input: FetchedFeed): Promise<IngestResult> {
  return inStage(where(input.payload), () => parseOnce(ctx, input));
}

async function parseOnce(ctx: PipelineContext, input: FetchedFeed): Promise<IngestResult> {
  const { payload, fetched, staging_prefix: prefix } = input;
  const feed = findFeed(ctx, payload.feed_id);
  const log = ctx.logger.child({ stage: 'ingest', feed: feed.id, asOf: payload.as_of });
  const partitions = ctx.config.partitions;
  const sink = new StagingSink(ctx, prefix, partitions, feed.id, payload.as_of);
  const options: ParseOptions = {
    feedId: feed.id,
    fileName: fetched.fileName,
    format: feed.format,
    asOf: payload.as_of,
    industryCodes: feed.industry_codes,
    industry: loadIndustryCatalog(),
    defaultProvince: feed.default_province,
    sheet: feed.sheet,
    headerRow: feed.header_row,
    limits: {
      maxRecordBytes: ctx.config.limits.max_record_bytes,
      maxCellBytes: ctx.config.limits.max_cell_bytes,
    },
  };
  const stager = new BatchStager(
    options,
    partitions,
    threadCount(ctx.threads),
    fetched.bytes >= THREADS_FROM_BYTES,
  );
  let rowsRead: number;
  try {
    rowsRead = await stageExport(await ctx.store.get(fetched.rawKey), options, stager, sink);
  } catch (error) {
    sink.destroy();
    throw error;
  } finally {
    await stager.close();
  }
  await sink.close();
  const { accepted, rejected } = sink;
  if (rowsRead !== accepted + rejected) {
    throw new DteError('row counts do not reconcile after validation', {
      feed: feed.id,
      file: fetched.fileName,
      rowsRead,
      accepted,
      rejected,
    });
  }
  log.info(
    {
      rowsRead,
      valid: accepted,
      rejected,
      rawKey: fetched.rawKey,
    },
    'feed ingested',
  );
  return {
    feed_id: feed.id,
    format: feed.format,
    source: fetched.source,
    raw_key: fetched.rawKey,
    bytes: fetched.bytes,
    sha256: fetched.sha256,
    fetch_status: fetched.status,
    rows_read: rowsRead,
    valid: accepted,
    rejected,
    industry_code_systems: sink.systems(),
    legacy_sources: { ...sink.legacySources },
    address_conflicts: sink.addressConflicts,
    reject_columns: sink.rejectColumns(),
    rejects_by_reason: sink.reasons(),
    staging_prefix: prefix,
    partitions,
  };
}
