import type { ClassifiedRecord, PreviousRecord } from '../domain/classified.js';
import { emptyTally, type PartitionCounts, type Tally } from './tally.js';

type Located = Pick<PreviousRecord, 'province_code' | 'legacy_province_code'>;

/** Adds a record's contribution to its current province and, when known, its pre-2025 province. */
class Counter {
  readonly counts: PartitionCounts = { provinces: {}, legacy: {} };
  constructor(private readonly categories: readonly string[]) {}

  add(where: Located, update: (tally: Tally) => void): void {
    update(this.tally(this.counts.provinces, where.province_code));
    if (where.legacy_province_code !== null) update(this.tally(this.counts.legacy, where.legacy_province_code));
  }

  private tally(table: Record<string, Tally>, code: string): Tally {
    let tally = table[code];
    if (!tally) {
      tally = emptyTally(this.categories);
      table[code] = tally;
    }
    return tally;
  }
}

/**
 * The indicators' counts over one partition (`spec/indicators.md`). `previous` is the previous
 * snapshot's records of the same partition, or null when there is no previous snapshot.
 */
export function countPartition(
  records: readonly ClassifiedRecord[],
  previous: ReadonlyMap<string, PreviousRecord> | null,
  asOf: string,
  categories: readonly string[],
): PartitionCounts {
  const counter = new Counter(categories);
  const year = asOf.slice(0, 4);
  const seen = new Set<string>();
  for (const r of records) {
    seen.add(r.enterprise_id);
    if (r.is_dependent_unit) {
      counter.add(r, (t) => t.dependent_units++);
      continue;
    }
    const active = r.status === 'active';
    const before = previous?.get(r.enterprise_id);
    const wasActiveDte = before !== undefined && !before.is_dependent_unit && before.is_dte && before.status === 'active';
    counter.add(r, (t) => {
      if (r.is_dte && r.registration_date.startsWith(year)) t.dte_founded_ytd++;
      // Ceased: an active DTE before, not an active DTE now (inactive, or its main code left the DTE classes).
      if (wasActiveDte && !(active && r.is_dte)) t.dte_ceased++;
      if (!active) return;
      t.enterprises_active++;
      if (r.legacy_province_code !== null) t.legacy_known_active++;
      if (r.is_dte) {
        t.dte_active++;
        const category = r.dte_category ?? '';
        t.dte_by_category[category] = (t.dte_by_category[category] ?? 0) + 1;
        if (before && !before.is_dependent_unit && !before.is_dte) t.dte_converted++;
      } else if (r.digital_secondary) {
        t.digital_secondary++;
      }
    });
  }
  // A DTE that was active and is gone from the registry has ceased too, where it used to be.
  for (const [id, before] of previous ?? []) {
    if (!seen.has(id) && !before.is_dependent_unit && before.is_dte && before.status === 'active') {
      counter.add(before, (t) => t.dte_ceased++);
    }
  }
  return counter.counts;
}
