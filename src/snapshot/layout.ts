/** Every object key of the store (`spec/operations.md`, "Storage layout"): built here and nowhere else. */
export const snapshotKeys = {
  root: 'snapshots/',
  latest: 'snapshots/latest.json',
  current: (asOf: string) => `snapshots/${asOf}/current.json`,
  prefix: (asOf: string, runId: string) => `snapshots/${asOf}/${runId}/`,
  manifest: (asOf: string, runId: string) => `snapshots/${asOf}/${runId}/manifest.json`,
  file: (asOf: string, runId: string, name: string) => `snapshots/${asOf}/${runId}/${name}`,
};

export const rawKey = (feedId: string, asOf: string, sha256: string, ext: string) =>
  `raw/${feedId}/${asOf}/${sha256}.${ext}`;

/** An HTTP feed's last `ETag`/`Last-Modified` and the raw key they answered for. */
export const httpStateKey = (feedId: string) => `raw/${feedId}/_http_state.json`;

export const alertKeys = {
  state: 'alerts/state.json',
  historyRoot: 'alerts/history/',
  history: (asOf: string) => `alerts/history/${asOf}.ndjson`,
  deliveriesOf: (id: string) => `alerts/deliveries/${id}.`,
  /** One marker per notification and destination delivered (`log`, `webhook`, `email-…`, `zalo-…`): delivery is idempotent on it. */
  delivered: (id: string, destination: string) => `alerts/deliveries/${id}.${destination}.json`,
  /** A delivery that exhausted its attempts, kept for ops whichever runner made it. */
  failed: (id: string, destination: string) => `alerts/failed/${id}.${destination}.json`,
  failuresOf: (id: string) => `alerts/failed/${id}.`,
  /** A target's silence and acknowledgement (`dte alerts silence|ack`). */
  silencesRoot: 'alerts/silences/',
  silence: (targetId: string) => `alerts/silences/${targetId}.json`,
};

/** Names of the data files inside a snapshot folder (`spec/indicators.md`). */
export const snapshotFiles = {
  provincesCsv: 'provinces.csv',
  provincesJson: 'provinces.json',
  legacyCsv: 'legacy_provinces.csv',
  legacyJson: 'legacy_provinces.json',
  communesCsv: 'communes.csv',
  communesJson: 'communes.json',
  dteEnterprises: 'dte_enterprises.csv',
  enterprisesPart: (partition: number) => `enterprises/part-${pad(partition)}.ndjson.gz`,
  rejects: (feedId: string) => `rejects/${feedId}.csv`,
  manifest: 'manifest.json',
};

/** Keys of the intermediate objects a run writes under `work/` (removed once the run is published). */
export const workKeys = {
  root: 'work/',
  ingestRoot: 'work/ingest/',
  runsRoot: 'work/runs/',
  /** The as-of date of a key under `work/ingest/<feed>/<as_of>/`, or null. */
  dateOfIngestKey: (key: string) => /^work\/ingest\/[^/]+\/(\d{4}-\d{2}-\d{2})\//.exec(key)?.[1] ?? null,
  ingestDatePrefix: (feedId: string, asOf: string) => `work/ingest/${feedId}/${asOf}/`,
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

/** One lease per as-of date held by the inline run in progress for it (`src/runners/lease.ts`). */
export const leaseKeys = {
  root: 'leases/',
  lease: (asOf: string) => `leases/${asOf}.json`,
};
