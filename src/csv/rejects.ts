import { REASON_VI, type RejectedRow, type WarnedRow } from '../domain/rejects.js';
import { csvLine } from './cell.js';

/** The columns before a rejected row's own cells. */
export const REJECT_LEAD = ['as_of', 'feed_id', 'line', 'reason', 'reason_vi', 'message'] as const;
export const EXTRA_CELLS = 'extra_cells';

/** What a feed's rejects file is: its date and feed, the export's columns and the delimiter extras are joined with. */
export interface RejectsTable {
  asOf: string;
  feedId: string;
  /** The export's header names, made unique against the lead columns and each other. */
  columns: string[];
  delimiter: string;
}

/** An empty name becomes `column_N`, a name already taken gets `_N`: every column of the table has one name. */
export function rejectColumns(header: readonly string[]): string[] {
  const taken = new Set<string>([...REJECT_LEAD, EXTRA_CELLS]);
  return header.map((name, i) => {
    const unique = name === '' ? `column_${i + 1}` : taken.has(name) ? `${name}_${i + 1}` : name;
    taken.add(unique);
    return unique;
  });
}

export function rejectsHeader(table: RejectsTable): string {
  return csvLine([...REJECT_LEAD, ...table.columns, EXTRA_CELLS]);
}

/**
 * A rejected row, or an accepted row with a warning (its reason says which: `address_conflict`):
 * its cells in order under the export's columns, missing ones empty, those beyond the header joined
 * with the export's delimiter in `extra_cells`.
 */
export function rejectLine(row: RejectedRow | WarnedRow, table: RejectsTable): string {
  const width = table.columns.length;
  const cells = row.cells.slice(0, width);
  while (cells.length < width) cells.push('');
  const extra = row.cells.length > width ? row.cells.slice(width).join(table.delimiter) : '';
  return csvLine([
    table.asOf,
    table.feedId,
    row.line,
    row.reason,
    REASON_VI[row.reason],
    row.message,
    ...cells,
    extra,
  ]);
}
