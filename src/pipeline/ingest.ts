import { createHash } from 'node:crypto';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { loadIndustryCatalog } from '../classify/index.js';
import { CSV_BOM, rejectLine, rejectsHeader } from '../csv/index.js';
import { DteError } from '../domain/errors.js';
import { type ParseOptions, readRecordBatches } from '../input/index.js';
import { fetchSource } from '../sources/index.js';
import { threadCount } from '../threads/spec.js';
import { BatchStager } from './batchStager.js';
import type { PipelineContext } from './context.js';
import { findFeed } from './context.js';
import { PartitionWriter } from './partitionWriter.js';
import type { IngestResult } from './results.js';
import type { StagedBatch } from './stageBatch.js';
import { workKeys } from './stageKeys.js';

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

/** Fetches one feed's export, archives its bytes, validates every row into the run's partitions. */
export async function ingestFeed(ctx: PipelineContext, payload: IngestPayload): Promise<IngestResult> {
  const feed = findFeed(ctx, payload.feed_id);
  const log = ctx.logger.child({ stage: 'ingest', feed: feed.id, asOf: payload.as_of });
  const fetched = await fetchSource(resolveSource(feed.source, ctx.baseDir, payload.as_of), {
    store: ctx.store,
    feedId: feed.id,
    asOf: payload.as_of,
    logger: log,
  });
  const partitions = ctx.config.partitions;
  // Validation depends on the bytes, the feed's settings, the as-of date and the code: so does the folder.
  const stagingId = createHash('sha256')
    .update(JSON.stringify([fetched.sha256, feed, payload.as_of, partitions, ctx.codeVersion]))
    .digest('hex')
    .slice(0, 16);
  const prefix = workKeys.ingestPrefix(feed.id, payload.as_of, stagingId);
  const sink = new StagingSink(ctx, prefix, partitions, feed.id);
  const options: ParseOptions = {
    feedId: feed.id,
    fileName: fetched.fileName,
    format: feed.format,
    asOf: payload.as_of,
    industryCodes: feed.industry_codes,
    industry: loadIndustryCatalog(),
    defaultProvince: feed.default_province,
  };
  const stager = new BatchStager(options, partitions, threadCount(ctx.threads));
  let summary: Summary;
  try {
    summary = await stageExport(await ctx.store.get(fetched.rawKey), options, stager, sink);
  } catch (error) {
    sink.destroy();
    throw error;
  } finally {
    await stager.close();
  }
  await sink.close();
  if (summary.rowsRead !== summary.accepted + summary.rejected || summary.accepted !== sink.accepted) {
    throw new DteError('row counts do not reconcile after validation', {
      feed: feed.id,
      file: fetched.fileName,
      rowsRead: summary.rowsRead,
      accepted: summary.accepted,
      rejected: summary.rejected,
    });
  }
  log.info(
    {
      rowsRead: summary.rowsRead,
      valid: summary.accepted,
      rejected: summary.rejected,
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
    rows_read: summary.rowsRead,
    valid: summary.accepted,
    rejected: summary.rejected,
    industry_code_systems: sink.systems(),
    staging_prefix: prefix,
    partitions,
  };
}

interface Summary {
  rowsRead: number;
  accepted: number;
  rejected: number;
}

/**
 * Reads the export's batches and stages them, several in flight when threads validate them, each
 * applied in the order it was read: the staged files are the same bytes with or without threads.
 */
async function stageExport(
  input: Readable,
  options: ParseOptions,
  stager: BatchStager,
  sink: StagingSink,
): Promise<Summary> {
  const summary: Summary = { rowsRead: 0, accepted: 0, rejected: 0 };
  const inFlight: Array<Promise<StagedBatch>> = [];
  const applyOldest = async () => {
    const staged = await inFlight.shift()!;
    summary.rowsRead += staged.rowsRead;
    summary.accepted += staged.accepted;
    summary.rejected += staged.rejects.length;
    sink.apply(staged);
    await sink.drain();
  };
  try {
    for await (const batch of readRecordBatches(input, options)) {
      inFlight.push(stager.stage(batch));
      while (inFlight.length >= stager.depth) await applyOldest();
    }
    while (inFlight.length > 0) await applyOldest();
  } finally {
    for (const pending of inFlight) pending.catch(() => undefined);
  }
  return summary;
}

/** Where staged batches go: validated rows to their partition, rejected rows to the feed's rejects file. */
class StagingSink {
  accepted = 0;
  private rows = 0;
  private readonly partitions: PartitionWriter;
  private readonly rejects = new PassThrough();
  private readonly rejectsUpload: Promise<unknown>;
  private readonly bySystem = new Map<string, number>();

  constructor(
    private readonly ctx: PipelineContext,
    prefix: string,
    partitionCount: number,
    private readonly feedId: string,
  ) {
    this.partitions = new PartitionWriter(
      ctx.store,
      (p) => workKeys.stagedPartition(prefix, p),
      partitionCount,
    );
    this.rejectsUpload = ctx.store.put(workKeys.stagedRejects(prefix), this.rejects, {
      contentType: 'text/csv',
    });
    this.rejects.write(CSV_BOM + rejectsHeader());
  }

  /** A batch's staged lines to their partitions and its rejects to the rejects file. */
  apply(batch: StagedBatch): void {
    this.accepted += batch.accepted;
    for (const [system, n] of Object.entries(batch.systems)) {
      this.bySystem.set(system, (this.bySystem.get(system) ?? 0) + n);
    }
    batch.parts.forEach((bytes, partition) => {
      if (bytes) this.partitions.writeBytes(partition, bytes);
    });
    for (const row of batch.rejects) this.rejects.write(rejectLine(row));
    const before = this.rows;
    this.rows += batch.rowsRead;
    if (this.ctx.onProgress && Math.floor(before / 50_000) !== Math.floor(this.rows / 50_000))
      this.ctx.onProgress({ stage: 'ingest', feed: this.feedId, rows: this.rows });
  }

  drain(): Promise<void> {
    return this.partitions.drain();
  }

  systems(): Record<string, number> {
    return Object.fromEntries([...this.bySystem.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  async close(): Promise<void> {
    this.rejects.end();
    await Promise.all([this.partitions.close(), this.rejectsUpload]);
    this.ctx.onProgress?.({ stage: 'ingest', feed: this.feedId, rows: this.rows });
  }

  destroy(): void {
    this.partitions.destroy();
    this.rejectsUpload.catch(() => undefined);
    this.rejects.destroy();
  }
}
