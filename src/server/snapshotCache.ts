import type { ProvincesJson } from '../indicators/schema.js';
import { provincesJsonSchema } from '../indicators/schema.js';
import { listPublished, readCurrent, readJsonObject, readLatest, readManifest } from '../snapshot/catalog.js';
import type { Manifest, SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';

/** What one published run holds that the page shows; a published run never changes. */
export interface CachedSnapshot {
  pointer: SnapshotPointer;
  manifest: Manifest;
  provinces: ProvincesJson;
}

export interface SnapshotCacheOptions {
  /** How long the list of dates is trusted before it is listed again (backfilled older dates). */
  relistMs?: number;
  /** Derived values (evaluations, histories) kept at most. */
  maxDerived?: number;
  now?: () => number;
}

/** A published run's identity: its date and run id (a republished date has a new run id). */
export const runKey = (p: SnapshotPointer) => `${p.as_of}/${p.run_id}`;

/**
 * The page's view of the store: published runs are read once and kept by as-of and run id; per
 * request only `latest.json` (and the asked date's `current.json`) is read, and the store is listed
 * again only when one of them names a run the cached list does not know, or after `relistMs`.
 */
export class SnapshotCache {
  private list: SnapshotPointer[] | null = null;
  private listedAt = 0;
  private readonly runs = new Map<string, Promise<CachedSnapshot | null>>();
  private readonly manifests = new Map<string, Promise<Manifest | null>>();
  private readonly derived = new Map<string, Promise<unknown>>();
  private readonly pages = new Map<string, Promise<string | null>>();
  private readonly relistMs: number;
  private readonly maxDerived: number;
  private readonly now: () => number;

  constructor(
    private readonly store: ObjectStore,
    options: SnapshotCacheOptions = {},
  ) {
    this.relistMs = options.relistMs ?? 300_000;
    this.maxDerived = options.maxDerived ?? 64;
    this.now = options.now ?? Date.now;
  }

  /** Every published run, oldest first, checked against `latest.json` on every call. */
  async published(): Promise<SnapshotPointer[]> {
    const latest = await readLatest(this.store);
    if (!latest) return [];
    return this.known(latest) ? this.list! : this.relist();
  }

  /** The published run of `asOf`, or null when that date has none. */
  async resolve(asOf: string): Promise<{ pointer: SnapshotPointer | null; published: SnapshotPointer[] }> {
    const published = await this.published();
    const pointer = await readCurrent(this.store, asOf);
    if (!pointer) return { pointer: null, published };
    return { pointer, published: this.known(pointer) ? published : await this.relist() };
  }

  /** The manifest of a published run, read from the store once. */
  manifest(pointer: SnapshotPointer): Promise<Manifest | null> {
    return this.once(this.manifests, runKey(pointer), () => readManifest(this.store, pointer));
  }

  /** The manifest and indicators of a published run, read from the store once. */
  snapshot(pointer: SnapshotPointer): Promise<CachedSnapshot | null> {
    return this.once(this.runs, runKey(pointer), async () => {
      const manifest = await this.manifest(pointer);
      if (!manifest) return null;
      const provinces = provincesJsonSchema.parse(
        await readJsonObject(this.store, `${pointer.prefix}provinces.json`),
      );
      return { pointer, manifest, provinces };
    });
  }

  /** A value derived from the runs up to `asOf` (evaluations, histories), kept while they stay the same. */
  derive<T>(
    kind: string,
    asOf: string,
    published: readonly SnapshotPointer[],
    make: () => Promise<T>,
  ): Promise<T> {
    const chain = published
      .filter((p) => p.as_of <= asOf)
      .map(runKey)
      .join(',');
    return this.bounded(this.derived, `${kind}|${asOf}|${chain}`, make) as Promise<T>;
  }

  /**
   * A rendered page, kept by a key that names every published run it shows (`runKey`) and anything
   * else it depends on; a new publish changes the key, so a stale page is never served.
   */
  rendered(key: string, make: () => Promise<string | null>): Promise<string | null> {
    return this.bounded(this.pages, key, make);
  }

  /** `once`, dropping the oldest entry when the map holds `maxDerived`. */
  private bounded<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    if (!map.has(key) && map.size >= this.maxDerived) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
    return this.once(map, key, make);
  }

  private known(pointer: SnapshotPointer): boolean {
    if (!this.list || this.now() - this.listedAt > this.relistMs) return false;
    return this.list.some((p) => p.as_of === pointer.as_of && p.run_id === pointer.run_id);
  }

  private async relist(): Promise<SnapshotPointer[]> {
    const list = await listPublished(this.store);
    this.list = list;
    this.listedAt = this.now();
    const live = new Set(list.map(runKey));
    for (const map of [this.runs, this.manifests])
      for (const key of map.keys()) if (!live.has(key)) map.delete(key);
    return list;
  }

  /** Shares one read between concurrent requests; a failed read is not kept. */
  private once<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    let value = map.get(key);
    if (!value) {
      value = make();
      map.set(key, value);
      value.catch(() => map.delete(key));
    }
    return value;
  }
}
