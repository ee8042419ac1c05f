import type { Readable } from 'node:stream';
import type { IngestedRecord } from '../domain/record.js';
import type { RejectedRow, WarnedRow } from '../domain/rejects.js';
import type { ParseOptions } from './options.js';
import { readRecordBatches } from './records.js';
import { createRowCaches, type RowContext } from './validate.js';
import { validateRecords } from './validateRecords.js';

export { type ByteBatch, type ExportBatch, readExportBatches, recordsOfBytes } from './byteBatches.js';
export type { ParseOptions } from './options.js';
export { type RecordBatch, type RecordLayout, readRecordBatches } from './records.js';
export { createRowCaches, type RowContext } from './validate.js';
export { type RowOutput, validateRecords } from './validateRecords.js';

/** Where rows go. `drain()` is awaited between batches of the file, so a slow sink slows the reading. */
export interface RowSink {
  accept(record: IngestedRecord): void;
  reject(row: RejectedRow): void;
  warn?(row: WarnedRow): void;
  drain(): Promise<void>;
}

export interface ParseSummary {
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Accepted rows also listed as warnings (`address_conflict`). */
  warnings: number;
}

/** The context rows of one feed are validated in; its caches live as long as the parse. */
export function rowContext(options: ParseOptions): RowContext {
  return {
    feedId: options.feedId,
    asOf: options.asOf,
    vietnamese: options.format === 'vn-dkkd-csv',
    industryCodes: options.industryCodes,
    industry: options.industry,
    defaultProvince: options.defaultProvince,
    caches: createRowCaches(options.format === 'vn-dkkd-csv', options.asOf),
  };
}

/** Reads one export as a stream, validating every row into the sink, in this thread (`spec/input.md`). */
export async function parseFeed(
  input: Readable,
  options: ParseOptions,
  sink: RowSink,
): Promise<ParseSummary> {
  const ctx = rowContext(options);
  const summary: ParseSummary = { rowsRead: 0, accepted: 0, rejected: 0, warnings: 0 };
  const out = {
    accept(record: IngestedRecord) {
      summary.rowsRead++;
      summary.accepted++;
      sink.accept(record);
    },
    reject(row: RejectedRow) {
      summary.rowsRead++;
      summary.rejected++;
      sink.reject(row);
    },
    warn(row: WarnedRow) {
      summary.warnings++;
      sink.warn?.(row);
    },
  };
  for await (const batch of readRecordBatches(input, options)) {
    validateRecords(batch, ctx, out);
    await sink.drain();
  }
  return summary;
}
