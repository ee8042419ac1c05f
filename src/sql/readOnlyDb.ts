import path from 'node:path';
import { DteError } from '../domain/errors.js';
import { openDuckDb, sqlName, sqlString } from '../parquet/index.js';

/** A statement of `dte sql` that DuckDB refused: bad SQL, or an attempt to write or reach outside. */
export class SqlError extends DteError {}

/** A name the user's SQL can query, and the Parquet files (with an optional filter) behind it. */
export interface Relation {
  name: string;
  /** One file, or several read as one table, their columns matched by name. */
  parquetFiles: readonly string[];
  where?: string;
}

export type SqlValue = string | number | boolean | null;

export interface SqlResult {
  columns: string[];
  types: string[];
  rows: SqlValue[][];
}

/**
 * Settings of the database the user's SQL runs in: read-only, no file, network or extension access,
 * and locked so that no statement can turn any of it back on.
 */
const READ_ONLY: Record<string, string> = {
  access_mode: 'READ_ONLY',
  enable_external_access: 'false',
  allow_community_extensions: 'false',
  lock_configuration: 'true',
};

/**
 * Copies each relation's rows into a database file in `dir`. DuckDB cannot open an in-memory
 * database read-only, and a view over a file needs file access, which would also let `COPY … TO`
 * write beside it: so the user's SQL runs over copies, in a file opened read-only without file access.
 */
export async function buildSqlDatabase(dir: string, relations: readonly Relation[]): Promise<string> {
  const file = path.join(dir, 'dte-sql.duckdb');
  const db = await openDuckDb(file);
  const connection = await db.connect();
  try {
    for (const r of relations) {
      const where = r.where ? ` WHERE ${r.where}` : '';
      const files = `[${r.parquetFiles.map(sqlString).join(', ')}]`;
      await connection.run(
        `CREATE TABLE ${sqlName(r.name)} AS SELECT * FROM read_parquet(${files}, union_by_name = true)${where}`,
      );
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    db.closeSync();
  }
  return file;
}

function jsonValue(value: unknown, type: string): SqlValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const numeric = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|FLOAT|DOUBLE|DECIMAL)/.test(type);
  // A 64-bit integer past 2^53 stays text rather than lose digits.
  return numeric && Number.isFinite(Number(text)) && Math.abs(Number(text)) <= Number.MAX_SAFE_INTEGER
    ? Number(text)
    : text;
}

/** Runs `sql` (one statement or several; the last one's rows are returned) in the read-only database file. */
export async function runReadOnly(dbFile: string, sql: string): Promise<SqlResult> {
  const db = await openDuckDb(dbFile, READ_ONLY);
  const connection = await db.connect();
  try {
    const result = await connection.runAndReadAll(sql);
    const types = result.columnTypes().map(String);
    const rows = result.getRowsJson().map((row) => row.map((v, i) => jsonValue(v, types[i] ?? '')));
    return { columns: result.columnNames(), types, rows };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new SqlError(`the query failed: ${message}`, {}, { cause: error });
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}
