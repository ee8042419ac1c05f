import { addTally, type PartitionCounts, type Tally } from '../../src/indicators/tally.js';

function mergeTable(into: Record<string, Tally>, from: Record<string, Tally>): void {
  for (const [code, tally] of Object.entries(from)) {
    const existing = into[code];
    if (existing) addTally(existing, tally);
    else into[code] = structuredClone(tally);
  }
}

/**
 * The partitions' tallies summed as objects: the reference the counts files' sum
 * (`mergeCountsFiles`) must equal, byte for byte once written as JSON.
 */
export function mergeCounts(parts: readonly PartitionCounts[]): PartitionCounts {
  const total: PartitionCounts = { provinces: {}, legacy: {}, communes: {} };
  for (const part of parts) {
    mergeTable(total.provinces, part.provinces);
    mergeTable(total.legacy, part.legacy);
    mergeTable(total.communes, part.communes ?? {});
  }
  return total;
}
