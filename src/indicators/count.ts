import type { ClassifiedRecord, PreviousRecord } from '../domain/classified.js';
import { CountsTables } from './countsFile.js';
import type { PartitionCounts } from './tally.js';
import { SLOT, type TallyRows } from './tallyRows.js';

type Located = Pick<PreviousRecord, 'province_code' | 'legacy_province_code' | 'commune_code'>;

/** What the counts read of a classified record. */
export type CountedRecord = Pick<
  ClassifiedRecord,
  | 'is_dependent_unit'
  | 'province_code'
  | 'legacy_province_code'
  | 'commune_code'
  | 'registration_date'
  | 'status'
  | 'is_dte'
  | 'dte_category'
  | 'digital_secondary'
>;

/**
 * What a record adds to one tally, the row at `at` of `rows`; the record, its previous state and the
 * as-of year are passed, not captured: the updates are functions of the module, so that the counting
 * of every partition calls the same targets (docs/performance.md, "A class, not a closure").
 */
type Update<R> = (
  rows: TallyRows,
  at: number,
  r: R,
  before: PreviousRecord | undefined,
  year: string,
) => void;

/** Adds a record's contribution to its current province and, when known, its pre-2025 province and its commune. */
class Counter {
  readonly tables: CountsTables;
  constructor(
    categories: readonly string[],
    private readonly year: string,
  ) {
    this.tables = new CountsTables(categories);
  }

  add<R extends Located>(r: R, before: PreviousRecord | undefined, update: Update<R>): void {
    const { provinces, legacy, communes } = this.tables;
    update(provinces, provinces.at(r.province_code), r, before, this.year);
    if (r.legacy_province_code !== null)
      update(legacy, legacy.at(r.legacy_province_code), r, before, this.year);
    const commune = r.commune_code;
    if (commune !== null && commune !== undefined)
      update(communes, communes.at(commune), r, before, this.year);
  }
}

/**
 * The indicators' counts over one partition (`spec/indicators.md`), one record at a time, so that
 * the classify stage never needs its records in memory at once.
 */
export class PartitionCounter {
  private readonly counter: Counter;

  constructor(asOf: string, categories: readonly string[]) {
    this.counter = new Counter(categories, asOf.slice(0, 4));
  }

  /**
   * `before` is the enterprise's record in the previous snapshot, if any. Nothing of `r` is kept:
   * the caller may fill the same object again for the next record.
   */
  add(r: CountedRecord, before: PreviousRecord | undefined): void {
    this.counter.add(r, before, count);
  }

  /**
   * A DTE that was active and is gone from the registry has ceased too, where it used to be; and
   * every active non-DTE of the previous snapshot is counted where it was (`dte_converted_pct`).
   * `present` says whether an id is in this snapshot (the caller knows its ids already: keeping a set
   * of them here would double the memory of a partition).
   */
  finish(
    previous: ReadonlyMap<string, PreviousRecord> | null,
    present: (id: string) => boolean,
  ): CountsTables {
    for (const [id, before] of previous ?? []) {
      if (!present(id) && !before.is_dependent_unit && before.is_dte && before.status === 'active') {
        this.counter.add(before, undefined, ceased);
      }
      if (!before.is_dependent_unit && !before.is_dte && before.status === 'active')
        this.counter.add(before, undefined, activeNonDteBefore);
    }
    return this.counter.tables;
  }
}

/** A record's contribution to one tally: its current or its pre-2025 province's, or its commune's. */
const count: Update<CountedRecord> = (rows, at, r, before, year) => {
  const v = rows.values;
  if (r.is_dependent_unit) {
    v[at + SLOT.dependent_units]!++;
    return;
  }
  const active = r.status === 'active';
  const wasActiveDte =
    before !== undefined && !before.is_dependent_unit && before.is_dte && before.status === 'active';
  if (r.is_dte && r.registration_date.startsWith(year)) v[at + SLOT.dte_founded_ytd]!++;
  // Ceased: an active DTE before, not an active DTE now (inactive, or its main code left the DTE classes).
  if (wasActiveDte && !(active && r.is_dte)) v[at + SLOT.dte_ceased]!++;
  if (!active) return;
  v[at + SLOT.enterprises_active]!++;
  if (r.legacy_province_code !== null) v[at + SLOT.legacy_known_active]!++;
  if (r.commune_code !== null) v[at + SLOT.commune_known_active]!++;
  if (r.is_dte) {
    v[at + SLOT.dte_active]!++;
    rows.countCategory(at, r.dte_category ?? '');
    if (before && !before.is_dependent_unit && !before.is_dte) v[at + SLOT.dte_converted]!++;
  } else if (r.digital_secondary) {
    v[at + SLOT.digital_secondary]!++;
  }
};

const ceased: Update<PreviousRecord> = (rows, at) => {
  rows.values[at + SLOT.dte_ceased]!++;
};

/** Where it was in the previous snapshot: the units whose enterprises could have converted. */
const activeNonDteBefore: Update<PreviousRecord> = (rows, at) => {
  rows.values[at + SLOT.non_dte_active_before]!++;
};

/** The counts of a whole partition's records at once (tests, small inputs). */
export function countPartition(
  records: readonly ClassifiedRecord[],
  previous: ReadonlyMap<string, PreviousRecord> | null,
  asOf: string,
  categories: readonly string[],
): PartitionCounts {
  const counter = new PartitionCounter(asOf, categories);
  for (const r of records) counter.add(r, previous?.get(r.enterprise_id));
  const ids = new Set(records.map((r) => r.enterprise_id));
  return counter.finish(previous, (id) => ids.has(id)).counts();
}
