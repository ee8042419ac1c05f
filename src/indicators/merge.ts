import { CountsTables } from './countsFile.js';
import type { PartitionCounts } from './tally.js';

/** Sums the partitions' counts files (parsed JSON, `CountsTables.file`) into the run's tallies. */
export function mergeCountsFiles(
  files: ReadonlyArray<{ key: string; value: unknown }>,
  categories: readonly string[],
): PartitionCounts {
  const total = new CountsTables(categories);
  for (const { key, value } of files) total.addFile(value, key);
  return total.counts();
}
