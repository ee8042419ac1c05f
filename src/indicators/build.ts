import { percent, perThousand } from './ratio.js';
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
  /** Active DTEs per 1,000 inhabitants; null where the unit has no population figure. */
  dte_per_1000_people: number | null;
  population: number | null;
  population_year: number | null;
  /** 100 × converted DTEs / the previous snapshot's active non-DTEs of the unit; null without a previous snapshot. */
  dte_converted_pct: number | null;
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
  /** Reference population by current and by pre-2025 code; without it every density is null. */
  population?: PopulationTables;
}

/** A unit's population and the year of the figure. */
export interface UnitPopulation {
  population: number;
  year: number;
}

export interface PopulationTables {
  current: ReadonlyMap<string, UnitPopulation>;
  legacy: ReadonlyMap<string, UnitPopulation>;
}

export function row(
  code: string,
  name: string,
  tally: Tally,
  categories: readonly string[],
  hasPrevious: boolean,
  people: UnitPopulation | null,
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
    dte_per_1000_people: people ? perThousand(tally.dte_active, people.population) : null,
    population: people?.population ?? null,
    population_year: people?.year ?? null,
    dte_converted_pct: hasPrevious ? percent(tally.dte_converted, tally.non_dte_active_before) : null,
  };
}

/** The nation's population is the provinces' sum, and only when every province has a figure. */
function nationalPopulation(
  provinces: ReadonlyArray<{ code: string }>,
  table: ReadonlyMap<string, UnitPopulation> | undefined,
): UnitPopulation | null {
  if (!table || provinces.length === 0) return null;
  let population = 0;
  let year = 0;
  for (const p of provinces) {
    const known = table.get(p.code);
    if (!known) return null;
    population += known.population;
    year = Math.max(year, known.year);
  }
  return { population, year };
}

/**
 * Turns the run's counts into the rows of the snapshot: every current province in code order (zero
 * rows included, so files always have the same shape), the national row summed from the provinces
 * (ratios recomputed, never averaged), and the pre-2025 view when any row carried a legacy code.
 */
export function buildIndicators(counts: PartitionCounts, options: BuildOptions): IndicatorTables {
  const { categories, hasPrevious, population } = options;
  const tallyOf = (table: Record<string, Tally>, code: string) => table[code] ?? emptyTally(categories);
  const nationalTally = emptyTally(categories);
  const provinces = [...options.provinces]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => {
      const tally = tallyOf(counts.provinces, p.code);
      addTally(nationalTally, tally);
      return row(p.code, p.name, tally, categories, hasPrevious, population?.current.get(p.code) ?? null);
    });
  const nationalPeople = nationalPopulation(options.provinces, population?.current);
  const national = row('VN', 'Việt Nam', nationalTally, categories, hasPrevious, nationalPeople);
  const legacy =
    Object.keys(counts.legacy).length === 0
      ? null
      : [...options.legacyProvinces]
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((p): LegacyIndicatorRow => {
            const successor = tallyOf(counts.provinces, p.successor_code);
            return {
              ...row(
                p.code,
                p.name,
                tallyOf(counts.legacy, p.code),
                categories,
                hasPrevious,
                population?.legacy.get(p.code) ?? null,
              ),
              successor_code: p.successor_code,
              coverage_pct: percent(successor.legacy_known_active, successor.enterprises_active),
            };
          });
  return { provinces, national, legacy };
}
