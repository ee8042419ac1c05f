import { DteError } from '../domain/errors.js';

/** The SQL types of the published tables' columns, as DuckDB names them in Parquet and `DESCRIBE`. */
export type ColumnType = 'VARCHAR' | 'DATE' | 'INTEGER' | 'DECIMAL(9,2)' | 'DECIMAL(14,2)';

/** A published table whose columns the Parquet twin types. */
export type TableName =
  | 'provinces'
  | 'legacy_provinces'
  | 'communes'
  | 'dte_enterprises'
  | 'rejects'
  | 'history_provinces'
  | 'history_legacy_provinces'
  | 'history_targets';

/** A column of a published table that this module does not know: the Parquet twin is not written. */
export class UnknownColumnError extends DteError {}

/**
 * Every column name used by the published tables and its type; one name means one thing in every
 * table, so codes and ids stay text (leading zeros), dates are DATE, counts INTEGER, shares DECIMAL.
 */
const COLUMNS: Readonly<Record<string, ColumnType>> = {
  as_of: 'DATE',
  rule_set_id: 'VARCHAR',
  run_id: 'VARCHAR',
  code: 'VARCHAR',
  name: 'VARCHAR',
  province_code: 'VARCHAR',
  province_name: 'VARCHAR',
  legacy_province_code: 'VARCHAR',
  legacy_province_name: 'VARCHAR',
  successor_code: 'VARCHAR',
  enterprise_id: 'VARCHAR',
  enterprises_active: 'INTEGER',
  dte_active: 'INTEGER',
  dte_share_pct: 'DECIMAL(9,2)',
  dte_founded_ytd: 'INTEGER',
  dte_converted: 'INTEGER',
  dte_ceased: 'INTEGER',
  digital_secondary: 'INTEGER',
  dependent_units: 'INTEGER',
  coverage_pct: 'DECIMAL(9,2)',
  dte_per_1000_people: 'DECIMAL(9,2)',
  population: 'INTEGER',
  population_year: 'INTEGER',
  dte_converted_pct: 'DECIMAL(9,2)',
  dte_category: 'VARCHAR',
  dte_matched_code: 'VARCHAR',
  registration_date: 'DATE',
  status: 'VARCHAR',
  industry_system: 'VARCHAR',
  line: 'INTEGER',
  reason: 'VARCHAR',
  reason_vi: 'VARCHAR',
  message: 'VARCHAR',
  extra_cells: 'VARCHAR',
  cells: 'VARCHAR',
  target_id: 'VARCHAR',
  territory: 'VARCHAR',
  unit_code: 'VARCHAR',
  metric: 'VARCHAR',
  actual: 'DECIMAL(14,2)',
  expected: 'DECIMAL(14,2)',
  gap: 'DECIMAL(14,2)',
  gap_pct: 'DECIMAL(9,2)',
};

/** `dte_<category>`: the active DTEs of one category of the rule set, a count. */
const CATEGORY_COUNT = /^dte_[a-z][a-z0-9_]*$/;

/** The rejects' lead columns that have a type; every other cell of a reject is text as read. */
const REJECT_COLUMNS: Readonly<Record<string, ColumnType>> = { as_of: 'DATE', line: 'INTEGER' };

/**
 * The type of `column` in `table`. A reject's own export columns are text as read, even when their
 * header names a typed field (`registration_date` of a canonical export): the cell may be the bad value.
 */
export function columnType(table: TableName, column: string): ColumnType {
  if (table === 'rejects') return REJECT_COLUMNS[column] ?? 'VARCHAR';
  const known = COLUMNS[column];
  if (known) return known;
  if (CATEGORY_COUNT.test(column)) return 'INTEGER';
  throw new UnknownColumnError('a published column has no type for its Parquet twin', { table, column });
}

/** The table a snapshot file holds, by its name in the snapshot folder (`rejects/<feed>.csv` are rejects). */
export function tableOfFile(name: string): TableName | null {
  if (name.startsWith('rejects/') && name.endsWith('.csv')) return 'rejects';
  const table = {
    'provinces.csv': 'provinces',
    'legacy_provinces.csv': 'legacy_provinces',
    'communes.csv': 'communes',
    'dte_enterprises.csv': 'dte_enterprises',
  }[name];
  return (table as TableName | undefined) ?? null;
}
