/** The additive counts behind one row of indicators: partitions sum them, ratios come last. */
export interface Tally {
  enterprises_active: number;
  dte_active: number;
  dte_by_category: Record<string, number>;
  dte_founded_ytd: number;
  dte_converted: number;
  dte_ceased: number;
  digital_secondary: number;
  dependent_units: number;
  /** Active enterprises whose pre-2025 province is known: the numerator of `coverage_pct`. */
  legacy_known_active: number;
  /** Active non-DTE enterprises of the unit in the previous snapshot: the denominator of `dte_converted_pct`. */
  non_dte_active_before: number;
  /** Active enterprises whose 2025 commune is known: the numerator of `commune_coverage_pct`. */
  commune_known_active: number;
}

export function emptyTally(categories: readonly string[]): Tally {
  return {
    enterprises_active: 0,
    dte_active: 0,
    dte_by_category: Object.fromEntries(categories.map((c) => [c, 0])),
    dte_founded_ytd: 0,
    dte_converted: 0,
    dte_ceased: 0,
    digital_secondary: 0,
    dependent_units: 0,
    legacy_known_active: 0,
    non_dte_active_before: 0,
    commune_known_active: 0,
  };
}

export function addTally(into: Tally, from: Tally): void {
  into.enterprises_active += from.enterprises_active;
  into.dte_active += from.dte_active;
  for (const [category, n] of Object.entries(from.dte_by_category)) {
    into.dte_by_category[category] = (into.dte_by_category[category] ?? 0) + n;
  }
  into.dte_founded_ytd += from.dte_founded_ytd;
  into.dte_converted += from.dte_converted;
  into.dte_ceased += from.dte_ceased;
  into.digital_secondary += from.digital_secondary;
  into.dependent_units += from.dependent_units;
  into.legacy_known_active += from.legacy_known_active;
  into.non_dte_active_before += from.non_dte_active_before;
  into.commune_known_active += from.commune_known_active ?? 0;
}

/** Counts per current province and per pre-2025 province, for one partition or a whole run. */
export interface PartitionCounts {
  provinces: Record<string, Tally>;
  legacy: Record<string, Tally>;
  /** Per 2025 commune (5-digit code), for the rows whose commune is known. */
  communes: Record<string, Tally>;
}
