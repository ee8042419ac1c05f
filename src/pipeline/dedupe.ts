import type { IngestedRecord } from '../domain/record.js';

/**
 * Keeps one row per enterprise id (`spec/input.md`, "Duplicates"): the latest `updated_at` wins;
 * when they are equal or either is missing, the later row wins (feeds in id order, then file order).
 */
export class Deduper {
  readonly records = new Map<string, IngestedRecord>();
  /** Dropped rows per feed: a duplicate is charged to the feed whose row was dropped. */
  readonly duplicates = new Map<string, number>();

  add(record: IngestedRecord): void {
    const kept = this.records.get(record.enterprise_id);
    if (!kept) {
      this.records.set(record.enterprise_id, record);
      return;
    }
    const olderIncoming = kept.updated_at !== null && record.updated_at !== null && record.updated_at < kept.updated_at;
    const dropped = olderIncoming ? record : kept;
    if (!olderIncoming) this.records.set(record.enterprise_id, record);
    this.duplicates.set(dropped.feed_id, (this.duplicates.get(dropped.feed_id) ?? 0) + 1);
  }
}
