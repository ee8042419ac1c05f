import { Readable } from 'node:stream';
import type { RejectedRow } from '../../src/domain/rejects.js';
import {
  type ParseOptions,
  readExportBatches,
  readRecordBatches,
  recordsOfBytes,
  rowContext,
  validateRecords,
} from '../../src/input/index.js';
import { fakeIndustry } from '../input/support.js';

export const CANONICAL_HEADER =
  'enterprise_id,name,province,legacy_province,registration_date,main_industry_code,secondary_industry_codes,status,legal_form,charter_capital_vnd,updated_at';

/** A canonical row that validates, with its id made of `n`. */
export function canonicalRow(n: number): string {
  return `${String(100_000_000 + n).padStart(10, '0')},Cong ty ${n},01,,2020-01-01,6201,,active,,,`;
}

export function faultOptions(overrides: Partial<ParseOptions> = {}): ParseOptions {
  return {
    feedId: 'faults',
    fileName: 'export.csv',
    format: 'canonical-csv',
    asOf: '2026-06-30',
    industryCodes: 'auto',
    industry: fakeIndustry,
    defaultProvince: null,
    ...overrides,
  };
}

/** The bytes in chunks of `size`, so that lines, line breaks and characters fall across chunks. */
export function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks, { objectMode: false });
}

export interface ReadOutcome {
  /** Accepted rows: their enterprise id and line. */
  accepted: Array<[string, number]>;
  rejected: RejectedRow[];
  /** Batches that came as bytes, and as record texts. */
  byteBatches: number;
  textBatches: number;
}

/** Reads and validates an export as the ingest does: through the byte cutter (`bytes`) or the record reader. */
export async function readAs(
  bytes: Buffer,
  how: 'bytes' | 'text',
  chunkSize: number,
  options: ParseOptions = faultOptions(),
): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { accepted: [], rejected: [], byteBatches: 0, textBatches: 0 };
  const ctx = rowContext(options);
  const out = {
    accept: (r: { enterprise_id: string; line: number }) => outcome.accepted.push([r.enterprise_id, r.line]),
    reject: (row: RejectedRow) => outcome.rejected.push(row),
    warn: () => undefined,
  };
  const input = chunked(bytes, chunkSize);
  if (how === 'text') {
    for await (const batch of readRecordBatches(input, options)) {
      outcome.textBatches++;
      validateRecords(batch, ctx, out);
    }
    return outcome;
  }
  for await (const batch of readExportBatches(input, options, true)) {
    if ('bytes' in batch) outcome.byteBatches++;
    else outcome.textBatches++;
    validateRecords('bytes' in batch ? recordsOfBytes(batch.bytes, options.limits) : batch.records, ctx, out);
  }
  return outcome;
}
