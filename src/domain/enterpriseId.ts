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

/**
 * An enterprise id as one number: `0100109106` as it reads, a dependent unit `0100109106-001` as
 * 10^13 + 0100109106001 (validation allows no other form), so that deduplication keys a partition's
 * rows by number, not by a string made for each row. Null for any other text.
 */
export function enterpriseKey(id: string): number | null {
  if (id.length !== 10 && !(id.length === 14 && id.charCodeAt(10) === 0x2d)) return null;
  let value = 0;
  for (let i = 0; i < id.length; i++) {
    if (i === 10) continue;
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return id.length === 10 ? value : DEPENDENT + value;
}

/** Dependent units' keys start here: above every 10-digit id, below 2^53 with their 13 digits. */
export const DEPENDENT = 10 ** 13;

/** `enterpriseKey` of an id's ASCII bytes at `start` (10 digits, or 14 with `-NNN`); -1 otherwise. */
export function enterpriseKeyOfBytes(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length !== 10 && !(length === 14 && bytes[start + 10] === 0x2d)) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    if (i === start + 10) continue;
    const d = bytes[i]! - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return length === 10 ? value : DEPENDENT + value;
}

/**
 * A key in the order of the ids' text: an enterprise (`id`) before its units (`id-NNN`), units by
 * number, hence id × 1001, plus 1 + NNN for a unit (where `enterpriseKey` puts every unit last).
 */
export function textOrderOf(key: number): number {
  if (key < DEPENDENT) return key * 1001;
  const unit = (key - DEPENDENT) % 1000;
  return ((key - DEPENDENT - unit) / 1000) * 1001 + 1 + unit;
}
