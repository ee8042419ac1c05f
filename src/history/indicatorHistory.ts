import { type CsvValue, csvLine } from '../csv/index.js';
import { NotFoundError } from '../domain/errors.js';
import type { IndicatorRow } from '../indicators/build.js';
import { legacyProvincesJsonSchema, provincesJsonSchema } from '../indicators/schema.js';
import { readJsonObject } from '../snapshot/catalog.js';
import { snapshotFiles } from '../snapshot/layout.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';

/** One snapshot's indicator rows, with what the history says of the snapshot. */
interface SnapshotRows {
  as_of: string;
  run_id: string;
  rule_set_id: string;
  categories: readonly string[];
  rows: ReadonlyArray<IndicatorRow & { successor_code?: string; coverage_pct?: number | null }>;
}

export type HistoryUnits = 'provinces' | 'legacy_provinces';

const LEADING = [
  'as_of',
  'run_id',
  'rule_set_id',
  'code',
  'name',
  'enterprises_active',
  'dte_active',
  'dte_share_pct',
];
const TRAILING = [
  'dte_founded_ytd',
  'dte_converted',
  'dte_ceased',
  'digital_secondary',
  'dependent_units',
  'dte_per_1000_people',
  'population',
  'population_year',
  'dte_converted_pct',
];
const LEGACY = ['successor_code', 'coverage_pct'];

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

function fixed(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toFixed(2);
}

function line(
  s: SnapshotRows,
  r: SnapshotRows['rows'][number],
  categories: readonly string[],
  units: HistoryUnits,
) {
  const cells: CsvValue[] = [
    s.as_of,
    s.run_id,
    s.rule_set_id,
    r.code,
    r.name,
    r.enterprises_active,
    r.dte_active,
  ];
  cells.push(fixed(r.dte_share_pct));
  for (const c of categories) cells.push(s.categories.includes(c) ? (r.dte_by_category[c] ?? 0) : null);
  cells.push(r.dte_founded_ytd, r.dte_converted, r.dte_ceased, r.digital_secondary, r.dependent_units);
  cells.push(fixed(r.dte_per_1000_people), r.population, r.population_year, fixed(r.dte_converted_pct));
  if (units === 'legacy_provinces') cells.push(r.successor_code ?? null, fixed(r.coverage_pct));
  return csvLine(cells);
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
): Promise<{ header: string[]; lines: string[] }> {
  const snapshots: SnapshotRows[] = [];
  for (const p of [...published].sort((a, b) => a.as_of.localeCompare(b.as_of))) {
    const rows = await rowsOf(store, p, units);
    if (rows) snapshots.push(rows);
  }
  const categories = [...new Set(snapshots.flatMap((s) => s.categories))];
  const header = [...LEADING, ...categories.map((c) => `dte_${c}`), ...TRAILING];
  if (units === 'legacy_provinces') header.push(...LEGACY);
  const lines = snapshots.flatMap((s) => s.rows.map((r) => line(s, r, categories, units)));
  return { header, lines };
}
