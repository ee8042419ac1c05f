/** The types a column of a published table can have; Parquet and Excel writers map them to their own. */
export const COLUMN_TYPES = ['string', 'date', 'integer', 'decimal', 'boolean'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** One column of a published table, as the data dictionary describes it. */
export interface ColumnDef {
  name: string;
  type: ColumnType;
  /** The unit of a measure (`enterprises`, `%`, `people`), empty for codes and text. */
  unit: string;
  vi: string;
  en: string;
}

/** One file of a snapshot: its name (or name pattern) and what it holds. */
export interface FileDef {
  file: string;
  vi: string;
  en: string;
  /** The columns of a table, in file order; empty for files that are not tables. */
  columns: readonly ColumnDef[];
}
