import { open } from 'node:fs/promises';
import { CSV_BOM } from '../csv/index.js';
import type { ColumnDef } from '../dictionary/index.js';
import { DteError } from '../domain/errors.js';
import { splitRecord } from '../input/csvRecords.js';
import { type SqlType, typedColumns } from './columnTypes.js';
import { openDuckDb, sqlName, sqlString } from './duckdb.js';

/**
 * DuckDB's memory for writing one Parquet twin: its CSV reader holds two buffers of 32 MiB (its
 * default) of a file larger than one, so a 64 MB pool could not read a large DTE list; the buffer's
 * size is kept, since it decides the row groups and so the bytes.
 */
const PARQUET_MEMORY_LIMIT = '128MB';

/** A published CSV file that DuckDB could not turn into its Parquet twin. */
export class ParquetWriteError extends DteError {}

/** How every Parquet file of the project is written: the same options give the same bytes. */
export const PARQUET_OPTIONS = 'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 30720';

/** A cell that `csvCell` guarded against formulas (`'=…`, `'+…`, `'-…`, `'@…`) has its guard removed. */
function unguarded(column: string): string {
  const c = sqlName(column);
  return `CASE WHEN regexp_matches(${c}, '^''[=+\\-@\\t\\r]') THEN substr(${c}, 2) ELSE ${c} END`;
}

function typedCell(column: string, type: SqlType): string {
  // A negative number written as text carries the guard too (`'-52.00`).
  const value = type === 'VARCHAR' ? unguarded(column) : `CAST(${unguarded(column)} AS ${type})`;
  return `${value} AS ${sqlName(column)}`;
}

/** The header of a CSV file written by this project (UTF-8 BOM, one line, RFC 4180 cells). */
export async function readCsvHeader(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\r\n');
    const line = (end < 0 ? text : text.slice(0, end)).replace(new RegExp(`^${CSV_BOM}`), '');
    const cells = splitRecord(line, ',');
    if (!cells || cells.length === 0 || cells.some((c) => c === ''))
      throw new ParquetWriteError('a published CSV file has no readable header', { file });
    return cells;
  } finally {
    await handle.close();
  }
}

/** The query that reads a published CSV file with every column typed as the data dictionary says. */
export function typedCsvQuery(
  file: string,
  header: readonly string[],
  columns: readonly ColumnDef[],
): string {
  const typed = typedColumns(header, columns, file);
  const asText = header.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(', ');
  const read = `read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${asText}})`;
  return `SELECT ${typed.map((c) => typedCell(c.name, c.type)).join(', ')} FROM ${read}`;
}

/**
 * Writes `csvFile`, a table this project published, as a typed Parquet file at `parquetFile`, in
 * the CSV's row order, and returns its row count. One thread writes it: the bytes are a function of the CSV.
 */
export async function csvToParquet(
  csvFile: string,
  parquetFile: string,
  columns: readonly ColumnDef[],
): Promise<number> {
  const header = await readCsvHeader(csvFile);
  const query = typedCsvQuery(csvFile, header, columns);
  // DuckDB's buffer pool would otherwise grow toward most of the RAM inside the run's process;
  // converting a CSV streams one row group at a time, so a bounded pool holds whatever the row count.
  const db = await openDuckDb(':memory:', { memory_limit: PARQUET_MEMORY_LIMIT });
  const connection = await db.connect();
  try {
    const result = await connection.runAndReadAll(
      `COPY (${query}) TO ${sqlString(parquetFile)} (${PARQUET_OPTIONS})`,
    );
    return Number(result.getRows()[0]?.[0] ?? 0);
  } catch (error) {
    if (error instanceof DteError) throw error;
    throw new ParquetWriteError(
      `cannot write the Parquet twin: ${firstLine(error)}`,
      { file: csvFile },
      {
        cause: error,
      },
    );
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
