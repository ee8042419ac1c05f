import { type CellReading, cellText, type RawCell } from './cellText.js';

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as a field of the comma-separated record the validator splits. */
function quoted(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A sheet row's cells as text, one per column from A, as wide as the header at least and as wide
 * as its last non-empty cell (empty cells at the end are absent from a sheet, not missing). Null
 * for a row with nothing in it, which a sheet may hold between its rows.
 */
export function rowCells(
  values: readonly RawCell[],
  width: number,
  readings: { byColumn: CellReading[]; other: CellReading },
): string[] | null {
  const cells: string[] = [];
  let last = -1;
  let blank = true;
  for (let col = 1; col < values.length; col++) {
    const reading = readings.byColumn[col - 1] ?? readings.other;
    const text = cellText(values[col], reading);
    cells.push(text);
    if (text !== '') last = col - 1;
    if (blank && text.trim() !== '') blank = false;
  }
  if (blank) return null;
  cells.length = Math.max(last + 1, Math.min(cells.length, width));
  while (cells.length < width) cells.push('');
  return cells;
}

/** The cells as one comma-separated record, the form the CSV formats hand to validation. */
export function recordText(cells: readonly string[]): string {
  return cells.map(quoted).join(',');
}
