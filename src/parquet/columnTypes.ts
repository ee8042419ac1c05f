import type { ColumnDef, ColumnType } from '../dictionary/index.js';
import { DteError } from '../domain/errors.js';

/** The SQL type a Parquet column gets, as DuckDB names it in `DESCRIBE`. */
export type SqlType = 'VARCHAR' | 'DATE' | 'INTEGER' | 'DECIMAL(18,2)' | 'BOOLEAN';

/** A published CSV whose header is not the columns the data dictionary gives its table. */
export class ColumnMismatchError extends DteError {}

/**
 * The dictionary's types in Parquet: codes and ids stay text (leading zeros), dates are DATE,
 * counts INTEGER, shares and densities exact decimals (the files write them with 2 decimals).
 */
const SQL_TYPES: Readonly<Record<ColumnType, SqlType>> = {
  string: 'VARCHAR',
  date: 'DATE',
  integer: 'INTEGER',
  decimal: 'DECIMAL(18,2)',
  boolean: 'BOOLEAN',
};

export function sqlTypeOf(type: ColumnType): SqlType {
  return SQL_TYPES[type];
}

/** The typed columns of a file whose header must be exactly the dictionary's columns, in order. */
export function typedColumns(
  header: readonly string[],
  columns: readonly ColumnDef[],
  file: string,
): Array<{ name: string; type: SqlType }> {
  const expected = columns.map((c) => c.name);
  if (expected.length !== header.length || expected.some((name, i) => name !== header[i]))
    throw new ColumnMismatchError('a published file does not have the columns of its data dictionary', {
      file,
      header: header.join(','),
      dictionary: expected.join(','),
    });
  return columns.map((c) => ({ name: c.name, type: sqlTypeOf(c.type) }));
}
