/**
 * Stable partition of an enterprise id: FNV-1a over the id's UTF-16 code units (ids are ASCII).
 * Stable across processes, versions and machines, so that an enterprise's record in the previous
 * snapshot lies in the partition of the same number.
 */
export function partitionOf(enterpriseId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < enterpriseId.length; i++) {
    hash ^= enterpriseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
