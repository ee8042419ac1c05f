export { type ByteBatch, type ExportBatch, readExportBatches, recordsOfBytes } from './byteBatches.js';
export type { ParseOptions } from './options.js';
export { type RecordBatch, type RecordLayout, readRecordBatches } from './records.js';
export { type ParseSummary, type RowSink, rowContext } from './sink.js';
export { createRowCaches, type RowContext } from './validate.js';
export { type RowOutput, validateRecords } from './validateRecords.js';
