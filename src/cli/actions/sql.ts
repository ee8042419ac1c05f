import { csvLine } from '../../csv/index.js';
import { UsageError } from '../../domain/errors.js';
import { type SqlResult, snapshotSql } from '../../sql/index.js';
import { openStore } from '../../store/openStore.js';
import { loadCommandConfig } from '../loadCommandConfig.js';
import { textTable } from '../textTable.js';

export interface SqlOptions {
  config?: string;
  store?: string;
  asOf?: string;
  format: string;
}

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

function render(result: SqlResult, format: Format): string {
  if (format === 'json') {
    const objects = result.rows.map((row) =>
      Object.fromEntries(result.columns.map((c, i) => [c, row[i] ?? null])),
    );
    return `${JSON.stringify(objects, null, 2)}\n`;
  }
  if (format === 'csv') {
    const cell = (v: SqlResult['rows'][number][number]) => (typeof v === 'boolean' ? String(v) : v);
    return [result.columns, ...result.rows.map((r) => r.map(cell))].map((r) => csvLine(r)).join('');
  }
  return textTable(
    result.columns,
    result.rows.map((r) => r.map((v) => (typeof v === 'boolean' ? String(v) : v))),
  );
}

export async function sqlAction(query: string, options: SqlOptions): Promise<void> {
  const format = FORMATS.find((f) => f === options.format);
  if (!format)
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`, { format: options.format });
  const loaded = loadCommandConfig(options, 'store');
  const store = await openStore(options.store ?? loaded.config.store);
  try {
    process.stdout.write(render(await snapshotSql(store, query, options.asOf), format));
  } finally {
    await store.close();
  }
}
