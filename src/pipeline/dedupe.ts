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

/**
 * Keeps one row per enterprise id (`spec/input.md`, "Duplicates"): the latest `updated_at` wins;
 * when they are equal or either is missing, the later row wins (feeds in id order, then file order).
 * Rows are known by their position among the partition's staged rows (`ref`); an update date as the
 * number yyyyMMdd, 0 when the row has none.
 */
export class Deduper {
  /** Enterprise key → the ref of the row kept. */
  private readonly kept = new Map<number, number>();
  private readonly updatedOf: number[] = [];
  private readonly feedOf: string[] = [];
  /** Dropped rows per feed: a duplicate is charged to the feed whose row was dropped. */
  readonly duplicates = new Map<string, number>();

  add(key: number, updated: number, feed: string, ref: number): void {
    this.updatedOf[ref] = updated;
    this.feedOf[ref] = feed;
    const kept = this.kept.get(key);
    if (kept === undefined) {
      this.kept.set(key, ref);
      return;
    }
    const keptUpdated = this.updatedOf[kept]!;
    const olderIncoming = keptUpdated !== 0 && updated !== 0 && updated < keptUpdated;
    const dropped = olderIncoming ? ref : kept;
    if (!olderIncoming) this.kept.set(key, ref);
    const feedDropped = this.feedOf[dropped]!;
    this.duplicates.set(feedDropped, (this.duplicates.get(feedDropped) ?? 0) + 1);
  }

  /** Whether an enterprise (by its id as text) has a row here. */
  has(id: string): boolean {
    const key = enterpriseKey(id);
    return key !== null && this.kept.has(key);
  }

  get size(): number {
    return this.kept.size;
  }

  /** One flag per staged row: 1 for the rows kept. */
  winners(rows: number): Uint8Array {
    const flags = new Uint8Array(rows);
    for (const ref of this.kept.values()) flags[ref] = 1;
    return flags;
  }
}
