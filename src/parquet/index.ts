export {
  type ColumnType,
  columnType,
  type TableName,
  tableOfFile,
  UnknownColumnError,
} from './columnTypes.js';
export {
  csvToParquet,
  PARQUET_OPTIONS,
  ParquetWriteError,
  readCsvHeader,
  typedCsvQuery,
} from './csvToParquet.js';
export { openDuckDb, sqlName, sqlString } from './duckdb.js';
