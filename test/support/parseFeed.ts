import type { Readable } from 'node:stream';
import type { IngestedRecord } from '../../src/domain/record.js';
import type { RejectedRow, WarnedRow } from '../../src/domain/rejects.js';
import {
  type ParseOptions,
  type ParseSummary,
  type RowSink,
  readRecordBatches,
  rowContext,
  validateRecords,
} from '../../src/input/index.js';

/** The plain way to read a feed: every record validated in this thread, the oracle of ingest's paths. */
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
