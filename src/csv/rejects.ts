import type { RejectedRow } from '../domain/rejects.js';
import { csvLine } from './cell.js';

/** The raw cells follow `message` as columns of their own, as many as the row had. */
export function rejectsHeader(): string {
  return csvLine(['line', 'reason', 'message', 'cells']);
}

export function rejectLine(row: RejectedRow): string {
  return csvLine([row.line, row.reason, row.message, ...row.cells]);
}
