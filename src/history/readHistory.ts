import { CSV_BOM } from '../csv/index.js';
import type { ColumnDef } from '../dictionary/index.js';
import { DteError, NotFoundError } from '../domain/errors.js';
import { splitRecord } from '../input/csvRecords.js';
import { historyKeys } from '../snapshot/layout.js';
import { readAll } from '../store/bodies.js';
import type { ObjectStore } from '../store/objectStore.js';
import { type HistoryTableName, historyColumnsOf } from './columns.js';

export type HistoryValue = string | number | null;
export type HistoryRow = Record<string, HistoryValue>;

/** A history file that is not the table this project writes. */
export class HistoryFileError extends DteError {}

const FILES: Record<HistoryTableName, string> = {
  provinces: historyKeys.provincesCsv,
  legacy_provinces: historyKeys.legacyCsv,
  targets: historyKeys.targetsCsv,
};

function typed(column: ColumnDef, cell: string): HistoryValue {
  if (cell === '') return null;
  return column.type === 'integer' || column.type === 'decimal' ? Number(cell) : cell;
}

/**
 * The rows of a history table as the store holds it, each value typed as its Parquet column is
 * (counts and shares as numbers, codes and dates as text); empty when nothing was published yet.
 */
export async function readHistory(store: ObjectStore, name: HistoryTableName): Promise<HistoryRow[]> {
  const key = FILES[name];
  let text: string;
  try {
    text = (await readAll(await store.get(key))).toString('utf8');
  } catch (error) {
    if (error instanceof NotFoundError) return [];
    throw error;
  }
  const [head = '', ...lines] = text.replace(CSV_BOM, '').split('\r\n').filter(Boolean);
  const header = splitRecord(head, ',');
  if (!header) throw new HistoryFileError('the history file has no readable header', { key });
  const columns = historyColumnsOf(name, header);
  if (columns.map((c) => c.name).join(',') !== header.join(','))
    throw new HistoryFileError('the history file does not have the columns of its table', { key });
  return lines.map((line, i) => {
    const cells = splitRecord(line, ',');
    if (!cells || cells.length !== header.length)
      throw new HistoryFileError('a history row does not match its header', { key, row: i + 2 });
    return Object.fromEntries(columns.map((column, j) => [column.name, typed(column, cells[j]!)]));
  });
}

/** The rows of one unit (`code`, or `unit_code` of the targets) when a code is given. */
export function ofUnit(rows: readonly HistoryRow[], code: string | undefined): HistoryRow[] {
  if (code === undefined) return [...rows];
  return rows.filter((r) => r.code === code || r.unit_code === code);
}
