import { readJsonObject } from '../snapshot/catalog.js';
import { runKeys } from '../snapshot/layout.js';
import type { ObjectStore } from '../store/objectStore.js';
import { byDateThenStart, type RunRecord, runRecordSchema } from './record.js';

export interface RecordedRun {
  key: string;
  record: RunRecord;
}

/** Every run record in the store from `from` on (every date without it), in date then start order. */
export function listRecordedRuns(store: ObjectStore, from?: string): Promise<RecordedRun[]> {
  return readRecords(store, runKeys.root, (asOf) => !from || asOf >= from);
}

/** The runs recorded for one date. */
export function recordedRunsOf(store: ObjectStore, asOf: string): Promise<RecordedRun[]> {
  return readRecords(store, runKeys.ofDate(asOf), () => true);
}

async function readRecords(
  store: ObjectStore,
  prefix: string,
  wanted: (asOf: string) => boolean,
): Promise<RecordedRun[]> {
  const keys: string[] = [];
  for await (const info of store.list(prefix)) {
    const asOf = info.key.slice(runKeys.root.length, runKeys.root.length + 10);
    if (info.key.endsWith('.json') && wanted(asOf)) keys.push(info.key);
  }
  const runs: RecordedRun[] = [];
  for (const key of keys) runs.push({ key, record: runRecordSchema.parse(await readJsonObject(store, key)) });
  return runs.sort((a, b) => byDateThenStart(a.record, b.record));
}

export async function writeRunRecord(store: ObjectStore, key: string, record: RunRecord): Promise<void> {
  await store.put(key, `${JSON.stringify(runRecordSchema.parse(record), null, 2)}\n`, {
    contentType: 'application/json',
  });
}
