import type { Command } from 'commander';
import type { SqlOptions } from '../actions/sql.js';

export function registerSqlCommand(program: Command): void {
  program
    .command('sql <query>')
    .description(
      'SQL (DuckDB) over the published Parquet: provinces, legacy_provinces, communes, dte_enterprises, rejects, rejects_summary, history, history_legacy_provinces, history_targets; read-only',
    )
    .option('--config <file>', 'config file (default $DTE_CONFIG)')
    .option('--store <url>', 'object store URL (default $DTE_STORE or the config)')
    .option('--as-of <date>', 'the snapshot to query (default: the latest); the history is cut at it')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (query: string, options: SqlOptions) =>
      (await import('../actions/sql.js')).sqlAction(query, options),
    );
}
