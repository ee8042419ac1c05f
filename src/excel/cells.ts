import type { CellValue } from 'exceljs';
import type { ColumnDef } from '../dictionary/index.js';

/** Count-like units get thousands separators; years, lines and unitless integers do not. */
const GROUPED_UNITS = new Set(['enterprises', 'units', 'people', 'rows']);

/** How a column's cells are shown: text stays text (leading zeros kept), shares as percentages. */
export function numFmtOf(column: ColumnDef): string {
  switch (column.type) {
    case 'string':
      return '@';
    case 'integer':
      return GROUPED_UNITS.has(column.unit) ? '#,##0' : '0';
    case 'decimal':
      return column.unit === '%' ? '0.00%' : '0.00';
    case 'date':
      return 'dd/mm/yyyy';
    case 'boolean':
      return 'General';
  }
}

function isoDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}

function numberOf(column: ColumnDef, value: unknown): CellValue {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  // A share of 9.79 (percent) is the number 0.0979 that Excel's percent format shows as 9.79%.
  return column.unit === '%' ? Math.round(n * 100) / 10_000 : n;
}

/** A value of a table row as the cell of its column's type; null and empty text are empty cells. */
export function cellOf(column: ColumnDef, value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'string':
      return String(value);
    case 'integer':
    case 'decimal':
      return numberOf(column, value);
    case 'date':
      return isoDate(String(value));
    case 'boolean':
      return value === true || value === 'true';
  }
}
