/** Object keys of `spec/operations.md` ("Storage layout"), in one place. */
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

export const alertKeys = {
  state: 'alerts/state.json',
  history: (asOf: string) => `alerts/history/${asOf}.ndjson`,
  /** One notification's delivery to one destination (`log`, `webhook`, `email-…`, `zalo-…`). */
  delivery: (id: string, destination: string) => `alerts/deliveries/${id}.${destination}.json`,
  failed: (id: string, destination: string) => `alerts/failed/${id}.${destination}.json`,
  silencesRoot: 'alerts/silences/',
  silence: (targetId: string) => `alerts/silences/${targetId}.json`,
};

/** Names of the data files inside a snapshot folder (`spec/indicators.md`). */
export const snapshotFiles = {
  provincesCsv: 'provinces.csv',
  provincesJson: 'provinces.json',
  legacyCsv: 'legacy_provinces.csv',
  legacyJson: 'legacy_provinces.json',
  dteEnterprises: 'dte_enterprises.csv',
  enterprisesPart: (partition: number) => `enterprises/part-${String(partition).padStart(2, '0')}.ndjson.gz`,
  rejects: (feedId: string) => `rejects/${feedId}.csv`,
  manifest: 'manifest.json',
};
