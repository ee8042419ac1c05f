import type { IngestedRecord } from '../domain/record.js';
import type { RejectedRow, WarnedRow } from '../domain/rejects.js';
import { splitRecord } from './csvRecords.js';
import { cutToBytes, overBytes, tooLong } from './limits.js';
import { ndjsonRow } from './ndjson.js';
import type { RecordBatch, RecordLayout } from './records.js';
import { type RawRow, type RowContext, validateRow } from './validate.js';

export interface RowOutput {
  accept(record: IngestedRecord): void;
  reject(row: RejectedRow): void;
  /** An accepted row with something worth a look (`address_conflict`), for the rejects-and-warnings file. */
  warn(row: WarnedRow): void;
}

/** Validates a batch's records in order, each into `out` as accepted or rejected with its reason. */
export function validateRecords(batch: RecordBatch, ctx: RowContext, out: RowOutput): void {
  const { layout, texts, lines, broken } = batch;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const line = lines[i]!;
    const problem = broken[i];
    if (problem !== undefined) {
      out.reject({ line, reason: problem.reason, message: problem.message, cells: [text] });
      continue;
    }
    const raw = rawRow(layout, text);
    if (!raw.ok) {
      out.reject({ line, reason: 'malformed_row', message: raw.message, cells: raw.cells });
      continue;
    }
    if (text.length * 3 > ctx.maxCellBytes && overlongCell(layout, raw, ctx.maxCellBytes)) {
      const { reason, message } = tooLong('cell', ctx.maxCellBytes);
      out.reject({ line, reason, message, cells: raw.cells.map((c) => cutToBytes(c, ctx.maxCellBytes)) });
      continue;
    }
    const outcome = validateRow(raw.row, line, ctx);
    if (outcome.ok) {
      out.accept(outcome.record);
      if (outcome.warning !== null)
        out.warn({ line, reason: 'address_conflict', message: outcome.warning, cells: raw.cells });
    } else out.reject({ line, reason: outcome.reason, message: outcome.message, cells: raw.cells });
  }
}

/** Whether a cell of the row (a field's value, in NDJSON) is past the cell limit. */
function overlongCell(layout: RecordLayout, raw: Extract<Raw, { ok: true }>, limit: number): boolean {
  const cells = layout.format === 'ndjson' ? Object.values(raw.row) : raw.cells;
  return cells.some((cell) => overBytes(cell, limit));
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
  const at = layout.index;
  const cell = (i: number): string => (i < 0 ? '' : (cells[i] ?? ''));
  // One literal of one shape: filling an empty object field by field made a slow object per row.
  const row: RawRow = {
    enterprise_id: cell(at.enterprise_id),
    name: cell(at.name),
    province: cell(at.province),
    legacy_province: cell(at.legacy_province),
    registration_date: cell(at.registration_date),
    main_industry_code: cell(at.main_industry_code),
    secondary_industry_codes: cell(at.secondary_industry_codes),
    status: cell(at.status),
    legal_form: cell(at.legal_form),
    charter_capital_vnd: cell(at.charter_capital_vnd),
    updated_at: cell(at.updated_at),
    address: cell(at.address),
  };
  return { ok: true, row, cells };
}
