import { type CsvValue, csvLine } from '../csv/index.js';
import type { ColumnDef } from '../dictionary/index.js';
import { NotFoundError } from '../domain/errors.js';
import type { IndicatorRow } from '../indicators/build.js';
import { legacyProvincesJsonSchema, provincesJsonSchema } from '../indicators/schema.js';
import { readJsonObject } from '../snapshot/catalog.js';
import { snapshotFiles } from '../snapshot/layout.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';
import { type HistoryUnits, indicatorHistoryColumns } from './columns.js';

/** One snapshot's indicator rows, with what the history says of the snapshot. */
interface SnapshotRows {
  as_of: string;
  run_id: string;
  rule_set_id: string;
  categories: readonly string[];
  rows: ReadonlyArray<IndicatorRow & { successor_code?: string; coverage_pct?: number | null }>;
}

/** The rows of one published snapshot's `provinces.json` (national row last) or `legacy_provinces.json`. */
async function rowsOf(
  store: ObjectStore,
  p: SnapshotPointer,
  units: HistoryUnits,
): Promise<SnapshotRows | null> {
  const name = units === 'provinces' ? snapshotFiles.provincesJson : snapshotFiles.legacyJson;
  let value: unknown;
  try {
    value = await readJsonObject(store, `${p.prefix}${name}`);
  } catch (error) {
    // A snapshot without pre-2025 provinces has no legacy file: it adds no legacy rows.
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  if (units === 'provinces') {
    const json = provincesJsonSchema.parse(value);
    return { ...json, run_id: p.run_id, rows: [...json.provinces, json.national] };
  }
  const json = legacyProvincesJsonSchema.parse(value);
  return { ...json, run_id: p.run_id, rows: json.provinces };
}

type Row = SnapshotRows['rows'][number];

/** One cell of a history row, by its column; decimals with 2 digits, as the snapshot files write them. */
function cell(s: SnapshotRows, r: Row, column: ColumnDef): CsvValue {
  const { name } = column;
  if (name === 'as_of') return s.as_of;
  if (name === 'run_id') return s.run_id;
  if (name === 'rule_set_id') return s.rule_set_id;
  const category = name.startsWith('dte_') ? name.slice(4) : '';
  if (category in r.dte_by_category || s.categories.includes(category))
    return r.dte_by_category[category] ?? 0;
  const value = (r as unknown as Record<string, unknown>)[name];
  if (value === null || value === undefined) return null;
  if (column.type === 'decimal' && typeof value === 'number') return value.toFixed(2);
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/**
 * The history of every unit over the published snapshots, oldest first, each snapshot's rows in its
 * own order: a CSV text (no BOM) and its row count. The category columns are those of every rule
 * set met, in the order first met; a category a snapshot's rule set lacks is empty there.
 */
export async function indicatorHistory(
  store: ObjectStore,
  published: readonly SnapshotPointer[],
  units: HistoryUnits,
): Promise<{ columns: ColumnDef[]; lines: string[] }> {
  const snapshots: SnapshotRows[] = [];
  for (const p of [...published].sort((a, b) => a.as_of.localeCompare(b.as_of))) {
    const rows = await rowsOf(store, p, units);
    if (rows) snapshots.push(rows);
  }
  const categories = [...new Set(snapshots.flatMap((s) => s.categories))];
  const columns = indicatorHistoryColumns(units, categories);
  const lines = snapshots.flatMap((s) => s.rows.map((r) => csvLine(columns.map((c) => cell(s, r, c)))));
  return { columns, lines };
}
