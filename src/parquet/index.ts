export { ColumnMismatchError, type SqlType, sqlTypeOf, typedColumns } from './columnTypes.js';
export {
  csvToParquet,
  PARQUET_OPTIONS,
  ParquetWriteError,
  readCsvHeader,
  typedCsvQuery,
} from './csvToParquet.js';
export { openDuckDb, sqlName, sqlString } from './duckdb.js';
