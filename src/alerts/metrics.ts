import { csvTextLines } from '../csv/index.js';
import { legacyProvincesJsonSchema, type ProvincesJson, provincesJsonSchema } from '../indicators/schema.js';
import { readJsonObject } from '../snapshot/catalog.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';
import { type Target, territoryOf } from '../targets/schema.js';

export interface MetricValue {
  as_of: string;
  value: number;
  /** The legacy view's coverage of the territory's successor, for pre-2025 territories. */
  coverage_pct: number | null;
  name: string;
}

/** A target's metric in one published snapshot, or null when the snapshot has no such view or value. */
export async function metricIn(
  store: ObjectStore,
  pointer: SnapshotPointer,
  target: Target,
): Promise<MetricValue | null> {
  const territory = territoryOf(target);
  const found = await rowOf(store, pointer, territory);
  if (!found) return null;
  const value =
    target.metric === 'dte_founded_since'
      ? await foundedSince(store, pointer, target)
      : found.row[target.metric];
  // A density without a population figure, or a conversion ratio without a previous snapshot.
  if (value === null) return null;
  return { as_of: pointer.as_of, value, coverage_pct: found.coverage_pct, name: found.row.name };
}

type Row = ProvincesJson['national'];

/** The territory's row of the snapshot: a province's, the national row, or a pre-2025 province's. */
async function rowOf(
  store: ObjectStore,
  pointer: SnapshotPointer,
  territory: ReturnType<typeof territoryOf>,
): Promise<{ row: Row; coverage_pct: number | null } | null> {
  if (territory.kind !== 'legacy_province') {
    const file = provincesJsonSchema.parse(await readJsonObject(store, `${pointer.prefix}provinces.json`));
    const row =
      territory.kind === 'nation' ? file.national : file.provinces.find((p) => p.code === territory.code);
    return row ? { row, coverage_pct: null } : null;
  }
  const legacy = await readJsonObject(store, `${pointer.prefix}legacy_provinces.json`).catch(() => null);
  if (!legacy) return null;
  const row = legacyProvincesJsonSchema.parse(legacy).provinces.find((p) => p.code === territory.code);
  return row ? { row, coverage_pct: row.coverage_pct } : null;
}

/** DTEs of any status registered on or after `since`, counted from the snapshot's DTE list. */
async function foundedSince(store: ObjectStore, pointer: SnapshotPointer, target: Target): Promise<number> {
  const territory = territoryOf(target);
  let columns: string[] | null = null;
  let col = -1;
  let dateCol = -1;
  let count = 0;
  // Read as a stream: the DTE list of a national run is too large to hold as one string.
  for await (const line of csvTextLines(await store.get(`${pointer.prefix}dte_enterprises.csv`))) {
    if (columns === null) {
      columns = line.split(',');
      col =
        territory.kind === 'province'
          ? columns.indexOf('province_code')
          : columns.indexOf('legacy_province_code');
      dateCol = columns.indexOf('registration_date');
      continue;
    }
    // Names may hold quoted commas; codes and dates never do, so they are read from the right.
    const cells = line.split(',');
    const width = columns.length;
    const fromEnd = (i: number) => cells[cells.length - (width - i)];
    const here = territory.kind === 'nation' || fromEnd(col) === territory.code;
    if (here && (fromEnd(dateCol) ?? '') >= (target.since ?? '')) count++;
  }
  return count;
}
