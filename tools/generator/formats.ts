import { FIELDS } from '../../src/domain/fields.js';
import { VN_DKKD_HEADER } from '../../src/reference/vocabulary.js';
import { vnDate } from './dates.js';
import type { Row } from './rows.js';

export type ExportFormat = 'vn-dkkd-csv' | 'canonical-csv' | 'ndjson';

export const VN_HEADER = VN_DKKD_HEADER;
export const CANONICAL_HEADER: readonly string[] = FIELDS;

function quote(cell: string, delimiter: string): string {
  return cell.includes('"') || cell.includes(delimiter) || cell.includes('\n') || cell.includes('\r')
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** Cells of a row in a CSV format; dates are still ISO, the caller spells them. */
export function cellsOf(row: Row, format: ExportFormat, withAddress = true): string[] {
  const vn = format === 'vn-dkkd-csv';
  const cells = [
    row.id,
    row.name,
    row.province,
    row.legacy,
    vn ? vnDate(row.founded) : row.founded,
    row.main,
    row.secondary.join(';'),
    vn ? row.statusWord : row.status,
    row.legalForm,
    vn ? row.capital : String(row.capitalValue),
    vn ? vnDate(row.updated) : row.updated,
    row.address,
  ];
  return withAddress ? cells : cells.slice(0, -1);
}

export function csvLine(cells: readonly string[], delimiter: string): string {
  return `${cells.map((c) => quote(c, delimiter)).join(delimiter)}\r\n`;
}

export function headerLine(format: ExportFormat, delimiter: string, withAddress = true): string {
  if (format === 'ndjson') return '';
  const header = format === 'vn-dkkd-csv' ? VN_HEADER : CANONICAL_HEADER;
  return csvLine(withAddress ? header : header.slice(0, -1), delimiter);
}

/** An NDJSON line with the canonical field names; a malformed row is a line that is not JSON. */
export function jsonLine(cells: string[]): string {
  const [id, name, province, legacy, founded, main, secondary, status, form, capital, updated, address] =
    cells;
  return `${JSON.stringify({
    enterprise_id: id,
    name,
    province,
    legacy_province: legacy || null,
    registration_date: founded,
    main_industry_code: main,
    secondary_industry_codes: secondary ? secondary.split(';') : [],
    status,
    legal_form: form,
    charter_capital_vnd: /^\d+$/.test(capital ?? '') ? Number(capital) : capital,
    updated_at: updated || null,
    address: address || null,
  })}\n`;
}
