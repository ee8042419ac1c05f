import { PassThrough, type Readable } from 'node:stream';
import type { PipelineContext } from '../context/context.js';
import { CSV_BOM, type RejectsTable, rejectColumns, rejectLine, rejectsHeader } from '../csv/index.js';
import { type ParseOptions, type RecordLayout, readExportBatches } from '../input/index.js';
import { workKeys } from '../snapshot/layout.js';
import { type PartitionPut, PartitionWriter } from '../staging/partitionWriter.js';
import { type LegacySourceCounts, noLegacySources, type StagedBatch } from '../staging/stageBatch.js';
import type { WrittenObject } from '../store/objectStore.js';
import type { BatchStager } from './batchStager.js';

/**
 * Reads the export's batches and stages them, several in flight when threads validate them, each
 * applied in the order it was read: the staged files are the same bytes with or without threads.
 * Returns the rows read, counted here from the records handed out, so that the caller can check
 * them against the outcomes the sink received.
 */
export async function stageExport(
  input: Readable,
  options: ParseOptions,
  stager: BatchStager,
  sink: StagingSink,
): Promise<number> {
  let rowsRead = 0;
  const inFlight: Array<Promise<StagedBatch>> = [];
  const applyOldest = async () => {
    sink.apply(await inFlight.shift()!);
    await sink.drain();
  };
  try {
    for await (const batch of readExportBatches(input, options, stager.takesBytes)) {
      if (rowsRead === 0) sink.describe('bytes' in batch ? batch.bytes.layout : batch.records.layout);
      const rows = 'bytes' in batch ? batch.bytes.records : batch.records.texts.length;
      rowsRead += rows;
      inFlight.push(stager.stage(batch, rows));
      while (inFlight.length >= stager.depth) await applyOldest();
    }
    while (inFlight.length > 0) await applyOldest();
  } finally {
    for (const pending of inFlight) pending.catch(() => undefined);
  }
  return rowsRead;
}

/** Where staged batches go: validated rows to their partition, rejected rows to the feed's rejects file. */
export class StagingSink {
  accepted = 0;
  rejected = 0;
  /** Accepted rows whose address names another province than their province cell. */
  addressConflicts = 0;
  readonly legacySources: LegacySourceCounts = noLegacySources();
  private readonly partitions: PartitionWriter;
  private readonly keys: PartitionWriter;
  private readonly rejects = new PassThrough();
  private readonly rejectsUpload: Promise<unknown>;
  private readonly bySystem = new Map<string, number>();
  private readonly byReason = new Map<string, number>();
  /** Set by the first batch: an export of no rows has a rejects file of the lead columns only. */
  private table: RejectsTable | null = null;

  constructor(
    private readonly ctx: PipelineContext,
    prefix: string,
    partitionCount: number,
    private readonly feedId: string,
    private readonly asOf: string,
  ) {
    // Work files read once by this run: no sha256 (nothing records theirs).
    const put: PartitionPut<WrittenObject> = (key, body, options) =>
      ctx.store.putUnhashed(key, body, options);
    this.partitions = new PartitionWriter(put, (p) => workKeys.stagedPartition(prefix, p), partitionCount);
    this.keys = new PartitionWriter(put, (p) => workKeys.stagedKeys(prefix, p), partitionCount, {
      contentType: 'application/octet-stream',
    });
    this.rejectsUpload = ctx.store.putUnhashed(workKeys.stagedRejects(prefix), this.rejects, {
      contentType: 'text/csv',
    });
    // A failed upload is reported where it is awaited (close), never as an unhandled rejection before.
    this.rejectsUpload.catch(() => undefined);
    this.rejects.on('error', () => undefined);
  }

  /** The export's columns, from its first batch: the rejects file's header follows them. */
  describe(layout: RecordLayout): void {
    if (this.table) return;
    const header = layout.format === 'csv' ? layout.header : ['record'];
    const delimiter = layout.format === 'csv' ? layout.delimiter : '';
    this.table = { asOf: this.asOf, feedId: this.feedId, columns: rejectColumns(header), delimiter };
    this.rejects.write(CSV_BOM + rejectsHeader(this.table));
  }

  /** The rejects file's columns after the lead ones (empty until a batch was read). */
  rejectColumns(): string[] {
    return this.table ? [...this.table.columns] : [];
  }

  /** Rows of the rejects file by reason, in reason order. */
  reasons(): Record<string, number> {
    return Object.fromEntries([...this.byReason.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** A batch's staged lines to their partitions and its rejects to the rejects file. */
  apply(batch: StagedBatch): void {
    const before = this.accepted + this.rejected;
    this.accepted += batch.accepted;
    this.rejected += batch.rejects.length;
    for (const [system, n] of Object.entries(batch.systems)) {
      this.bySystem.set(system, (this.bySystem.get(system) ?? 0) + n);
    }
    batch.parts.forEach((bytes, partition) => {
      if (bytes) this.partitions.writeBytes(partition, bytes);
    });
    batch.keys.forEach((bytes, partition) => {
      if (bytes) this.keys.writeBytes(partition, bytes);
    });
    this.addressConflicts += batch.warnings.length;
    for (const [source, n] of Object.entries(batch.legacy_sources))
      this.legacySources[source as keyof LegacySourceCounts] += n;
    const table = this.table ?? this.describeEmpty();
    for (const row of inLineOrder(batch)) {
      this.byReason.set(row.reason, (this.byReason.get(row.reason) ?? 0) + 1);
      this.rejects.write(rejectLine(row, table));
    }
    const rows = this.accepted + this.rejected;
    if (this.ctx.onProgress && Math.floor(before / 50_000) !== Math.floor(rows / 50_000))
      this.ctx.onProgress({ stage: 'ingest', feed: this.feedId, rows });
  }

  async drain(): Promise<void> {
    await Promise.all([this.partitions.drain(), this.keys.drain()]);
  }

  systems(): Record<string, number> {
    return Object.fromEntries([...this.bySystem.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** The table of an export whose columns were never seen: the lead columns and `extra_cells`. */
  private describeEmpty(): RejectsTable {
    this.table = { asOf: this.asOf, feedId: this.feedId, columns: [], delimiter: ',' };
    this.rejects.write(CSV_BOM + rejectsHeader(this.table));
    return this.table;
  }

  async close(): Promise<void> {
    if (!this.table) this.describeEmpty();
    this.rejects.end();
    await Promise.all([this.partitions.close(), this.keys.close(), this.rejectsUpload]);
    this.ctx.onProgress?.({ stage: 'ingest', feed: this.feedId, rows: this.accepted + this.rejected });
  }

  destroy(): void {
    this.partitions.destroy();
    this.keys.destroy();
    this.rejectsUpload.catch(() => undefined);
    this.rejects.destroy();
  }
}

/** A batch's rejects and warnings as one list in line order (warnings are rare: most batches have none). */
function inLineOrder(
  batch: StagedBatch,
): ReadonlyArray<StagedBatch['rejects'][number] | StagedBatch['warnings'][number]> {
  if (batch.warnings.length === 0) return batch.rejects;
  return [...batch.rejects, ...batch.warnings].sort((a, b) => a.line - b.line);
}
