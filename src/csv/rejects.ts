import type { RejectedRow, WarnedRow } from '../domain/rejects.js';
import { csvLine } from './cell.js';

/** The raw cells follow `message` as columns of their own, as many as the row had. */
export function rejectsHeader(): string {
  return csvLine(['line', 'reason', 'message', 'cells']);
}

/** A rejected row, or an accepted row with a warning (its reason says which: `address_conflict`). */
export function rejectLine(row: RejectedRow | WarnedRow): string {
  return csvLine([row.line, row.reason, row.message, ...row.cells]);
}
