import { z } from 'zod';
import { partitionOf } from '../domain/enterpriseId.js';
import type { IngestedRecord } from '../domain/record.js';
import { REJECT_REASONS, type RejectedRow, WARNING_REASONS, type WarnedRow } from '../domain/rejects.js';
import {
  type ExportBatch,
  type InputLimits,
  type RecordBatch,
  type RowContext,
  type RowOutput,
  recordsOfBytes,
  validateRecords,
} from '../input/index.js';
import { legacySourcesSchema } from '../snapshot/manifest.js';
import { LineBuffer } from './lineBuffer.js';
import { writeRowKey } from './rowKeys.js';
import { writeStaged } from './stagedRecord.js';

/** A batch after validation: its staged lines per partition (UTF-8, each line ending in `\n`), its rejects. */
export interface StagedBatch {
  accepted: number;
  /** Accepted rows per industry code system of the main code. */
  systems: Record<string, number>;
  /** One entry per partition; null where the batch has no row for it. */
  parts: Array<Uint8Array | null>;
  /** The rows' keys (`rowKeys.ts`), one entry per partition as `parts`. */
  keys: Array<Uint8Array | null>;
  rejects: RejectedRow[];
  /** Accepted rows listed as warnings too (`address_conflict`). */
  warnings: WarnedRow[];
  /** Accepted rows by what decided their pre-2025 province (`none`: nothing did). */
  legacy_sources: LegacySourceCounts;
}

/** Rows by `legacy_source`, one object of one shape (`none` for null). */
export interface LegacySourceCounts {
  column: number;
  province: number;
  commune: number;
  none: number;
}

export const noLegacySources = (): LegacySourceCounts => ({ column: 0, province: 0, commune: 0, none: 0 });

const rowSchema = <T extends readonly [string, ...string[]]>(reasons: T) =>
  z.object({
    line: z.number().int(),
    reason: z.enum(reasons),
    message: z.string(),
    cells: z.array(z.string()),
  });

/** An array of objects, sliced empty for arrays that are to hold objects from the start. */
const OBJECTS: RejectedRow[] = [{ line: 0, reason: 'malformed_row', message: '', cells: [] }];

/** A partition's share of a 4,096-row batch is about 50 KiB. */
const PART_BYTES = 64 * 1024;
/** And its keys about 3 KiB. */
const KEY_BYTES = 4 * 1024;

export const stagedBatchSchema = z.object({
  accepted: z.number().int(),
  systems: z.record(z.string(), z.number().int()),
  parts: z.array(z.instanceof(Uint8Array).nullable()),
  keys: z.array(z.instanceof(Uint8Array).nullable()),
  rejects: z.array(rowSchema(REJECT_REASONS)),
  warnings: z.array(rowSchema(WARNING_REASONS)),
  legacy_sources: legacySourcesSchema,
});

/**
 * Validates one batch and encodes its rows for their partitions: the same bytes whichever thread
 * runs it, so the staged files do not depend on how batches were spread over threads.
 */
export function stageBatch(batch: RecordBatch, ctx: RowContext, partitions: number): StagedBatch {
  const out = new BatchOutput(partitions);
  validateRecords(batch, ctx, out);
  const taken = (buffer: LineBuffer) => (buffer.length === 0 ? null : buffer.take());
  return {
    accepted: out.accepted,
    systems: out.systems,
    parts: out.lines.map(taken),
    keys: out.keys.map(taken),
    rejects: out.rejects,
    warnings: out.warnings,
    legacy_sources: out.legacySources,
  };
}

/**
 * Where a batch's rows go while it is validated; a class (docs/performance.md, "A class, not a
 * closure").
 */
class BatchOutput implements RowOutput {
  readonly lines: LineBuffer[];
  readonly keys: LineBuffer[];
  readonly systems: Record<string, number> = {};
  // Born holding objects: an empty literal holds small integers until its first push, and that
  // change of kind, in one batch in three, threw away the validation loop's optimized code.
  readonly rejects: RejectedRow[] = OBJECTS.slice(0, 0);
  readonly warnings: WarnedRow[] = [];
  readonly legacySources = noLegacySources();
  accepted = 0;

  constructor(private readonly partitions: number) {
    this.lines = Array.from({ length: partitions }, () => new LineBuffer(PART_BYTES));
    this.keys = Array.from({ length: partitions }, () => new LineBuffer(KEY_BYTES));
  }

  accept(record: IngestedRecord): void {
    this.accepted++;
    this.systems[record.main_industry_system] = (this.systems[record.main_industry_system] ?? 0) + 1;
    this.legacySources[record.legacy_source ?? 'none']++;
    const partition = partitionOf(record.enterprise_id, this.partitions);
    writeStaged(record, this.lines[partition]!);
    writeRowKey(record, this.keys[partition]!);
  }

  reject(row: RejectedRow): void {
    this.rejects.push(row);
  }

  warn(row: WarnedRow): void {
    this.warnings.push(row);
  }
}

/** A batch's record texts: as given, or read from its bytes in this thread. */
export function batchOf(batch: ExportBatch, limits?: InputLimits): RecordBatch {
  return 'bytes' in batch ? recordsOfBytes(batch.bytes, limits) : batch.records;
}
