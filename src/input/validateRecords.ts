import type { IngestedRecord } from '../domain/record.js';
import type { RejectedRow } from '../domain/rejects.js';
import { splitRecord } from './csvRecords.js';
import { FIELDS } from './headers.js';
import { ndjsonRow } from './ndjson.js';
import type { RecordBatch, RecordLayout } from './records.js';
import { type RawRow, type RowContext, validateRow } from './validate.js';

export interface RowOutput {
  accept(record: IngestedRecord): void;
  reject(row: RejectedRow): void;
}

/** Validates a batch's records in order, each into `out` as accepted or rejected with its reason. */
export function validateRecords(batch: RecordBatch, ctx: RowContext, out: RowOutput): void {
  const { layout, texts, lines, broken } = batch;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const line = lines[i]!;
    const problem = broken[i];
    if (problem !== undefined) {
      out.reject({ line, reason: 'malformed_row', message: problem, cells: [text] });
      continue;
    }
    const raw = rawRow(layout, text);
    if (!raw.ok) {
      out.reject({ line, reason: 'malformed_row', message: raw.message, cells: raw.cells });
      continue;
    }
    const outcome = validateRow(raw.row, line, ctx);
    if (outcome.ok) out.accept(outcome.record);
    else out.reject({ line, reason: outcome.reason, message: outcome.message, cells: raw.cells });
  }
}

type Raw = { ok: true; row: RawRow; cells: string[] } | { ok: false; message: string; cells: string[] };

/** A record's cells by canonical field, or why its text cannot be read as a row. */
function rawRow(layout: RecordLayout, text: string): Raw {
  if (layout.format === 'ndjson') {
    const row = ndjsonRow(text);
    return row.ok
      ? { ok: true, row: row.raw, cells: [text] }
      : { ok: false, message: row.message, cells: [text] };
  }
  const cells = splitRecord(text, layout.delimiter);
  if (!cells) return { ok: false, message: 'broken quoting', cells: [text] };
  if (cells.length !== layout.width) {
    return { ok: false, message: `${cells.length} cells where the header has ${layout.width}`, cells };
  }
  const row = {} as RawRow;
  for (const field of FIELDS) {
    const i = layout.index[field];
    row[field] = i < 0 ? '' : (cells[i] ?? '');
  }
  return { ok: true, row, cells };
}
