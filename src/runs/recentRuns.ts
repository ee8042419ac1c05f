import { readJsonObject } from '../snapshot/catalog.js';
import { runKeys } from '../snapshot/layout.js';
import type { ObjectInfo, ObjectStore } from '../store/objectStore.js';
import { byDateThenStart, type RunRecord, runRecordSchema } from './record.js';

/** What says a record was rewritten: its size and last write, or nothing when the store gives no time. */
function stampOf(info: ObjectInfo): string | null {
  return info.modified ? `${info.size}@${info.modified}` : null;
}

/**
 * The newest run records, for a page that shows them on every request: a record is rewritten at
 * every stage of its run, so one is read again only when its size or time of writing changed.
 */
export class RecentRuns {
  private readonly known = new Map<string, { stamp: string; record: RunRecord }>();

  /** The newest `count` records by date then start: the store is listed, and only changed ones are read. */
  async last(store: ObjectStore, count: number): Promise<RunRecord[]> {
    const infos: ObjectInfo[] = [];
    for await (const info of store.list(runKeys.root)) if (info.key.endsWith('.json')) infos.push(info);
    const newest = infos.sort((a, b) => (a.key < b.key ? -1 : 1)).slice(-count);
    const records: RunRecord[] = [];
    for (const info of newest) records.push(await this.record(store, info));
    for (const key of this.known.keys()) if (!newest.some((info) => info.key === key)) this.known.delete(key);
    return records.sort(byDateThenStart);
  }

  private async record(store: ObjectStore, info: ObjectInfo): Promise<RunRecord> {
    const stamp = stampOf(info);
    const seen = this.known.get(info.key);
    if (stamp && seen?.stamp === stamp) return seen.record;
    const record = runRecordSchema.parse(await readJsonObject(store, info.key));
    if (stamp) this.known.set(info.key, { stamp, record });
    return record;
  }
}
