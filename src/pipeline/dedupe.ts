/** What the deduplication keeps of a staged row: never the row itself. */
interface Kept {
  updated: string | null;
  feed: string;
  /** The row's position among the partition's staged rows, feeds in order. */
  ref: number;
}

/**
 * Keeps one row per enterprise id (`spec/input.md`, "Duplicates"): the latest `updated_at` wins;
 * when they are equal or either is missing, the later row wins (feeds in id order, then file order).
 */
export class Deduper {
  private readonly kept = new Map<string, Kept>();
  /** Dropped rows per feed: a duplicate is charged to the feed whose row was dropped. */
  readonly duplicates = new Map<string, number>();

  add(id: string, entry: Kept): void {
    const kept = this.kept.get(id);
    if (!kept) {
      this.kept.set(id, entry);
      return;
    }
    const olderIncoming = kept.updated !== null && entry.updated !== null && entry.updated < kept.updated;
    const dropped = olderIncoming ? entry : kept;
    if (!olderIncoming) this.kept.set(id, entry);
    this.duplicates.set(dropped.feed, (this.duplicates.get(dropped.feed) ?? 0) + 1);
  }

  has(id: string): boolean {
    return this.kept.has(id);
  }

  get size(): number {
    return this.kept.size;
  }

  /** One flag per staged row: 1 for the rows kept. */
  winners(rows: number): Uint8Array {
    const flags = new Uint8Array(rows);
    for (const entry of this.kept.values()) flags[entry.ref] = 1;
    return flags;
  }
}
