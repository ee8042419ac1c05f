import type { PreviousRecord } from '../domain/classified.js';
import { partitionOf } from '../domain/enterpriseId.js';
import { snapshotFiles } from '../snapshot/layout.js';
import { readGzipLines } from '../staging/ndjson.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { RunPlan } from './results.js';

/**
 * The previous snapshot's records of one partition. With the same partition count that is one file;
 * after a change of partition count every previous part is read and filtered (slower, still correct).
 */
export async function loadPreviousPartition(
  store: ObjectStore,
  plan: RunPlan,
  partition: number,
): Promise<Map<string, PreviousRecord> | null> {
  const previous = plan.previous;
  if (!previous) return null;
  const sameLayout = previous.partitions === plan.partitions;
  const parts = sameLayout ? [partition] : Array.from({ length: previous.partitions }, (_, p) => p);
  const records = new Map<string, PreviousRecord>();
  for (const part of parts) {
    for await (const line of readGzipLines(
      store,
      `${previous.prefix}${snapshotFiles.enterprisesPart(part)}`,
      true,
    )) {
      const r = JSON.parse(line) as PreviousRecord;
      if (sameLayout || partitionOf(r.enterprise_id, plan.partitions) === partition) {
        records.set(r.enterprise_id, {
          enterprise_id: r.enterprise_id,
          is_dependent_unit: r.is_dependent_unit,
          province_code: r.province_code,
          legacy_province_code: r.legacy_province_code,
          commune_code: r.commune_code ?? null,
          status: r.status,
          is_dte: r.is_dte,
        });
      }
    }
  }
  return records;
}
