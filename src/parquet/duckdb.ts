import type { DuckDBInstance } from '@duckdb/node-api';

export type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * Settings of every DuckDB this project opens: one thread, so that a Parquet file's row groups and
 * bytes do not depend on the machine, and no extension fetched or loaded behind our back.
 */
const BASE_SETTINGS: Readonly<Record<string, string>> = {
  threads: '1',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

/** A DuckDB database (`:memory:` or a file) with the project's settings, plus any of the caller's. */
export async function openDuckDb(
  path: string,
  settings: Record<string, string> = {},
): Promise<DuckDBInstance> {
  // Loaded on first use: the native engine is not needed by commands that never touch Parquet.
  const { DuckDBInstance: Instance } = await import('@duckdb/node-api');
  return Instance.create(path, { ...BASE_SETTINGS, ...settings });
}

/** A string as an SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A name as an SQL identifier. */
export function sqlName(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}
