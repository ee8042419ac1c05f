import type { Field } from '../../domain/fields.js';
import { type ColumnMap, headerName, mapColumns } from '../headers.js';

/** Rows looked at for the header when `header_row` is not given: title rows above it are skipped. */
export const HEADER_SCAN_ROWS = 20;

/** A row taken as the header, or the best row seen that is not one (the fewest required columns missing). */
export interface HeaderSearch {
  found: { row: number; columns: ColumnMap } | null;
  best: { row: number; missing: Field[] } | null;
}

/** Whether the cells are the header: every required column named once. */
export function headerOf(
  cells: string[],
  row: number,
  vietnamese: boolean,
  search: HeaderSearch,
): HeaderSearch {
  const columns = mapColumns(cells, vietnamese);
  if (columns.missing.length === 0) return { ...search, found: { row, columns } };
  if (search.best === null || columns.missing.length < search.best.missing.length)
    return { ...search, best: { row, missing: columns.missing } };
  return search;
}

/** The missing columns, named as the format writes them. */
export function missingNames(missing: Field[], vietnamese: boolean): string {
  return missing.map((f) => JSON.stringify(headerName(f, vietnamese))).join(', ');
}
