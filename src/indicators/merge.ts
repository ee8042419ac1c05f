import { CountsTables } from './countsFile.js';
import { addTally, type PartitionCounts, type Tally } from './tally.js';

function mergeTable(into: Record<string, Tally>, from: Record<string, Tally>): void {
  for (const [code, tally] of Object.entries(from)) {
    const existing = into[code];
    if (existing) addTally(existing, tally);
    else into[code] = copyTally(tally);
  }
}

/** A tally's copy, fields in the same order: `structuredClone` cost more than the sums, once per commune and partition. */
function copyTally(tally: Tally): Tally {
  return { ...tally, dte_by_category: { ...tally.dte_by_category } };
}

/** Sums the partitions' counts; the order of the partitions does not matter. */
export function mergeCounts(parts: readonly PartitionCounts[]): PartitionCounts {
  const total: PartitionCounts = { provinces: {}, legacy: {}, communes: {} };
  for (const part of parts) {
    mergeTable(total.provinces, part.provinces);
    mergeTable(total.legacy, part.legacy);
    mergeTable(total.communes, part.communes ?? {});
  }
  return total;
}

/** Sums the partitions' counts files (parsed JSON, `CountsTables.file`) into the run's tallies. */
export function mergeCountsFiles(
  files: ReadonlyArray<{ key: string; value: unknown }>,
  categories: readonly string[],
): PartitionCounts {
  const total = new CountsTables(categories);
  for (const { key, value } of files) total.addFile(value, key);
  return total.counts();
}
