import type { FileDef } from './types.js';

/**
 * The Parquet twin of every CSV table among `defs`, described as a file (its columns are the CSV's,
 * with the SQL types of `src/parquet/columnTypes.ts`), listed after the files they twin.
 */
export function withParquetTwins(defs: readonly FileDef[]): FileDef[] {
  const twins = defs
    .filter((d) => d.file.endsWith('.csv') && d.columns.length > 0)
    .map((d) => ({
      file: d.file.replace(/\.csv$/, '.parquet'),
      vi: `Bản Parquet của ${d.file}: cùng các dòng và cột, có kiểu (string → VARCHAR, date → DATE, integer → INTEGER, decimal → DECIMAL(18,2)), cho DuckDB, pandas, R`,
      en: `The Parquet twin of ${d.file}: the same rows and columns, typed (string → VARCHAR, date → DATE, integer → INTEGER, decimal → DECIMAL(18,2)), for DuckDB, pandas, R`,
      columns: [],
    }));
  return [...defs, ...twins];
}
