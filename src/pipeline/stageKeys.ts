/** Keys of the intermediate objects a run writes under `work/` (removed once the run is published). */
export const workKeys = {
  ingestPrefix: (feedId: string, asOf: string, stagingId: string) =>
    `work/ingest/${feedId}/${asOf}/${stagingId}/`,
  stagedPartition: (prefix: string, partition: number) => `${prefix}part-${pad(partition)}.ndjson`,
  /** The staged rows' keys for deduplication (`rowKeys.ts`), beside their partition. */
  stagedKeys: (prefix: string, partition: number) => `${prefix}keys-${pad(partition)}.bin`,
  stagedRejects: (prefix: string) => `${prefix}rejects.csv`,
  runPrefix: (runId: string) => `work/runs/${runId}/`,
  counts: (runId: string, partition: number) => `work/runs/${runId}/counts/part-${pad(partition)}.json`,
  dteLines: (runId: string, partition: number) => `work/runs/${runId}/dte/part-${pad(partition)}.csv`,
};

function pad(partition: number): string {
  return String(partition).padStart(2, '0');
}
