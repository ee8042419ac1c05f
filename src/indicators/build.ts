import { percent } from './ratio.js';
import { addTally, emptyTally, type PartitionCounts, type Tally } from './tally.js';

/** One row of `provinces.csv` / `.json`. Null counts mean "not computable" (no previous snapshot). */
export interface IndicatorRow {
  code: string;
  name: string;
  enterprises_active: number;
  dte_active: number;
  dte_share_pct: number | null;
  dte_by_category: Record<string, number>;
  dte_founded_ytd: number;
  dte_converted: number | null;
  dte_ceased: number | null;
  digital_secondary: number;
  dependent_units: number;
}

/** A pre-2025 province: the same indicators, plus its successor and how complete the view is. */
export interface LegacyIndicatorRow extends IndicatorRow {
  successor_code: string;
  /** Share of the successor's active enterprises whose pre-2025 province is known. */
  coverage_pct: number | null;
}

export interface IndicatorTables {
  provinces: IndicatorRow[];
  national: IndicatorRow;
  /** Null when no row of the run carried a pre-2025 province. */
  legacy: LegacyIndicatorRow[] | null;
}

export interface BuildOptions {
  asOf: string;
  ruleSetId: string;
  categories: readonly string[];
  provinces: ReadonlyArray<{ code: string; name: string }>;
  legacyProvinces: ReadonlyArray<{ code: string; name: string; successor_code: string }>;
  hasPrevious: boolean;
}

export function row(
  code: string,
  name: string,
  tally: Tally,
  categories: readonly string[],
  hasPrevious: boolean,
): IndicatorRow {
  return {
    code,
    name,
    enterprises_active: tally.enterprises_active,
    dte_active: tally.dte_active,
    dte_share_pct: percent(tally.dte_active, tally.enterprises_active),
    dte_by_category: Object.fromEntries(categories.map((c) => [c, tally.dte_by_category[c] ?? 0])),
    dte_founded_ytd: tally.dte_founded_ytd,
    dte_converted: hasPrevious ? tally.dte_converted : null,
    dte_ceased: hasPrevious ? tally.dte_ceased : null,
    digital_secondary: tally.digital_secondary,
    dependent_units: tally.dependent_units,
  };
}

/**
 * Turns the run's counts into the rows of the snapshot: every current province in code order (zero
 * rows included, so files always have the same shape), the national row summed from the provinces
 * (ratios recomputed, never averaged), and the pre-2025 view when any row carried a legacy code.
 */
export function buildIndicators(counts: PartitionCounts, options: BuildOptions): IndicatorTables {
  const { categories, hasPrevious } = options;
  const tallyOf = (table: Record<string, Tally>, code: string) => table[code] ?? emptyTally(categories);
  const nationalTally = emptyTally(categories);
  const provinces = [...options.provinces]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => {
      const tally = tallyOf(counts.provinces, p.code);
      addTally(nationalTally, tally);
      return row(p.code, p.name, tally, categories, hasPrevious);
    });
  const national = row('VN', 'Việt Nam', nationalTally, categories, hasPrevious);
  const legacy =
    Object.keys(counts.legacy).length === 0
      ? null
      : [...options.legacyProvinces]
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((p): LegacyIndicatorRow => {
            const successor = tallyOf(counts.provinces, p.successor_code);
            return {
              ...row(p.code, p.name, tallyOf(counts.legacy, p.code), categories, hasPrevious),
              successor_code: p.successor_code,
              coverage_pct: percent(successor.legacy_known_active, successor.enterprises_active),
            };
          });
  return { provinces, national, legacy };
}
