import { enterpriseKey } from '../domain/enterpriseId.js';
/**
 * Keeps one row per enterprise id (`spec/input.md`, "Duplicates"): the latest `updated_at` wins;
 * when they are equal or either is missing, the later row wins (feeds in id order, then file order).
 * Rows are known by their position among the partition's staged rows (`ref`); an update date as the
 * number yyyyMMdd, 0 when the row has none. Everything lives in typed arrays (an open-addressing
 * table of keys), because a partition's worth of map entries on the JS heap keeps V8 marking it.
 */
export class Deduper {
  private keys = new Float64Array(1024);
  /** The ref kept for the key in the same slot, +1 (0: the slot is free). */
  private slots = new Int32Array(1024);
  private used = 0;
  private updatedOf = new Int32Array(1024);
  private feedOf = new Uint16Array(1024);
  private readonly feeds: string[] = [];
  /** Dropped rows per feed: a duplicate is charged to the feed whose row was dropped. */
  readonly duplicates = new Map<string, number>();

  add(key: number, updated: number, feed: string, ref: number): void {
    if (ref >= this.updatedOf.length) this.growRows(ref + 1);
    this.updatedOf[ref] = updated;
    this.feedOf[ref] = this.feedIndex(feed);
    const slot = this.slotOf(key);
    const kept = this.slots[slot]! - 1;
    if (kept < 0) {
      this.keys[slot] = key;
      this.slots[slot] = ref + 1;
      if (++this.used * 2 > this.slots.length) this.growTable();
      return;
    }
    const keptUpdated = this.updatedOf[kept]!;
    const olderIncoming = keptUpdated !== 0 && updated !== 0 && updated < keptUpdated;
    const dropped = olderIncoming ? ref : kept;
    if (!olderIncoming) this.slots[slot] = ref + 1;
    const feedDropped = this.feeds[this.feedOf[dropped]!]!;
    this.duplicates.set(feedDropped, (this.duplicates.get(feedDropped) ?? 0) + 1);
  }

  /** Whether an enterprise (by its id as text) has a row here. */
  has(id: string): boolean {
    const key = enterpriseKey(id);
    return key !== null && this.slots[this.slotOf(key)] !== 0;
  }

  get size(): number {
    return this.used;
  }

  /** One flag per staged row: 1 for the rows kept. */
  winners(rows: number): Uint8Array {
    const flags = new Uint8Array(rows);
    for (let slot = 0; slot < this.slots.length; slot++) {
      const ref = this.slots[slot]! - 1;
      if (ref >= 0) flags[ref] = 1;
    }
    return flags;
  }

  /** The key's slot, or the free slot where it would go (linear probing; the table is at most half full). */
  private slotOf(key: number): number {
    const mask = this.slots.length - 1;
    let slot = hash(key) & mask;
    while (this.slots[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private growTable(): void {
    const { keys, slots } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    for (let slot = 0; slot < slots.length; slot++) {
      if (slots[slot] === 0) continue;
      const to = this.slotOf(keys[slot]!);
      this.keys[to] = keys[slot]!;
      this.slots[to] = slots[slot]!;
    }
  }

  private growRows(rows: number): void {
    const size = Math.max(rows, this.updatedOf.length * 2);
    const updated = new Int32Array(size);
    updated.set(this.updatedOf);
    this.updatedOf = updated;
    const feeds = new Uint16Array(size);
    feeds.set(this.feedOf);
    this.feedOf = feeds;
  }

  private feedIndex(feed: string): number {
    const last = this.feeds.length - 1;
    if (last >= 0 && this.feeds[last] === feed) return last;
    const known = this.feeds.indexOf(feed);
    if (known >= 0) return known;
    this.feeds.push(feed);
    return this.feeds.length - 1;
  }
}

/** Mixes both halves of a key of up to 53 bits into 32. */
function hash(key: number): number {
  const low = key % 4_294_967_296;
  const high = (key - low) / 4_294_967_296;
  return Math.imul((low ^ Math.imul(high, 0x85ebca6b)) >>> 0, 0x9e3779b1) >>> 0;
}
