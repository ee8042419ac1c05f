/** Every object key of the store (`spec/operations.md`, "Storage layout"): built here and nowhere else. */
export const snapshotKeys = {
  root: 'snapshots/',
  latest: 'snapshots/latest.json',
  date: (asOf: string) => `snapshots/${asOf}/`,
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

/** Run records (`dte runs`): one object per run of an inline runner, rewritten at every stage. */
export const runKeys = {
  root: 'runs/',
  ofDate: (asOf: string) => `runs/${asOf}/`,
  /** `started` is the run's start as an ISO time; the nonce keeps two runs of one instant apart. */
  record: (asOf: string, started: string, nonce: string) =>
    `runs/${asOf}/${started.replace(/[:.]/g, '')}-${nonce}.json`,
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
  /** The typed Parquet twin of a published CSV table: `provinces.csv` → `provinces.parquet`. */
  parquetTwin: (csvName: string) => csvName.replace(/\.csv$/, '.parquet'),
  rejectsSummary: 'rejects_summary.csv',
  /** Every table of the snapshot in one Excel workbook (`src/excel/`). */
  workbook: (asOf: string) => `dte_${asOf}.xlsx`,
  manifest: 'manifest.json',
  /** What every file and column holds (`src/dictionary/`), as Markdown and as a table. */
  readme: 'README.md',
  dataDictionary: 'data_dictionary.csv',
};

/** The tables over every published snapshot, one row per as-of date and unit, rewritten at each publish. */
export const historyKeys = {
  root: 'history/',
  provincesCsv: 'history/provinces.csv',
  provincesParquet: 'history/provinces.parquet',
  legacyCsv: 'history/legacy_provinces.csv',
  legacyParquet: 'history/legacy_provinces.parquet',
  targetsCsv: 'history/targets.csv',
  targetsParquet: 'history/targets.parquet',
};

/**
 * The name a snapshot file is downloaded under: its date, then its path in the folder with `/` as
 * `_` (`2025-06-30_provinces.csv`, `2025-06-30_rejects_national.csv`), so that downloads of several
 * dates never overwrite one another.
 */
export function downloadName(asOf: string, key: string): string {
  // The workbook's own name says its date already: a second one would only make it longer.
  if (key === snapshotFiles.workbook(asOf)) return key;
  return `${asOf}_${key.replace(/\//g, '_')}`;
}

/** The `Content-Disposition` of a download: an ASCII fallback name and the exact one (RFC 6266). */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

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
