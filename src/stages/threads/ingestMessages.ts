import { z } from 'zod';
import { FEED_FORMATS } from '../../config/schema.js';
import { FIELDS } from '../../domain/fields.js';
import { INDUSTRY_CODES_SETTINGS } from '../../domain/record.js';

/** What an ingest thread is started with: the feed's parse options (less the catalog it loads) and the partitions. */
export const ingestThreadSetup = z.object({
  options: z.object({
    feedId: z.string(),
    fileName: z.string(),
    format: z.enum(FEED_FORMATS),
    asOf: z.string(),
    industryCodes: z.enum(INDUSTRY_CODES_SETTINGS),
    defaultProvince: z.string().nullable(),
    limits: z.object({ maxRecordBytes: z.number().int(), maxCellBytes: z.number().int() }).optional(),
  }),
  partitions: z.number().int().positive(),
});
export type IngestThreadSetup = z.infer<typeof ingestThreadSetup>;

const columnIndex = z.record(z.enum(FIELDS), z.number().int());

const csvLayout = z.object({
  format: z.literal('csv'),
  delimiter: z.string(),
  index: columnIndex,
  width: z.number().int(),
  header: z.array(z.string()),
});

/** One batch of record texts, as `readRecordBatches` gives it. */
export const recordBatchSchema = z.object({
  layout: z.discriminatedUnion('format', [z.object({ format: z.literal('ndjson') }), csvLayout]),
  texts: z.array(z.string()),
  lines: z.array(z.number().int()),
  broken: z.record(
    z.string(),
    z.object({ reason: z.enum(['malformed_row', 'record_too_long']), message: z.string() }),
  ),
});

/** One batch of an export's bytes, as `readExportBatches` gives it. */
export const byteBatchSchema = z.object({
  layout: csvLayout,
  bytes: z.instanceof(Uint8Array),
  firstLine: z.number().int().positive(),
  records: z.number().int().nonnegative(),
});

/** What an ingest thread is asked to stage: a batch as record texts or as bytes. */
export const ingestRequest = z.union([
  z.object({ records: recordBatchSchema }),
  z.object({ bytes: byteBatchSchema }),
]);
