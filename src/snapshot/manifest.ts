import { z } from 'zod';

export const MANIFEST_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();
export const legacySourcesSchema = z.object({ column: count, province: count, commune: count, none: count });

export const manifestInputSchema = z.object({
  feed_id: z.string(),
  format: z.string(),
  /** Where the bytes came from (path, URL or s3:// URL), never with credentials. */
  source: z.string(),
  /** Key of the archived bytes under `raw/`. */
  raw_key: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** `fetched` for new bytes, `unchanged` when the source said the export had not changed. */
  fetch_status: z.enum(['fetched', 'unchanged']),
  rows_read: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  /** Accepted rows per system their main industry code was read in. */
  industry_code_systems: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * Valid rows (duplicates included) by what decided their pre-2025 province: the legacy column, the
   * province cell, the address's commune, or nothing. Absent in snapshots made before addresses were read.
   */
  legacy_sources: legacySourcesSchema.optional(),
  /** Accepted rows whose address names another province than their province cell (listed in the rejects file). */
  address_conflicts: z.number().int().nonnegative().optional(),
});

export const manifestOutputSchema = z.object({
  /** Relative to the snapshot folder, e.g. `provinces.csv`, `enterprises/part-03.ndjson.gz`. */
  key: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative(),
});

/** Why a snapshot was held back from `latest` (`gates:` in the config). */
export const heldReasonSchema = z.object({
  gate: z.enum(['no_accepted_rows', 'active_drop', 'reject_rate']),
  /** The measured figure: accepted rows, drop in %, reject rate in %. */
  value: z.number(),
  limit: z.number(),
  detail: z.string(),
});
export const heldSchema = z.object({ reasons: z.array(heldReasonSchema).min(1) });
/** An operator's `dte snapshots release`: who made a held snapshot latest, when and why. */
export const releaseSchema = z.object({ reason: z.string().min(1), by: z.string(), at: z.string() });

export const manifestSchema = z.object({
  schema_version: z.literal(MANIFEST_SCHEMA_VERSION),
  as_of: isoDate,
  run_id: z.string(),
  rule_set_id: z.string(),
  code_version: z.string(),
  partitions: z.number().int().positive(),
  previous: z.object({ as_of: isoDate, run_id: z.string() }).nullable(),
  inputs: z.array(manifestInputSchema),
  outputs: z.array(manifestOutputSchema),
  /** Run times and ids live here and only here: data files stay byte-identical across reruns. */
  created_at: z.string(),
  /** Present when a publish gate held the snapshot: it has no `current.json` until released. */
  held: heldSchema.optional(),
  release: releaseSchema.optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Held = z.infer<typeof heldSchema>;
export type HeldReason = z.infer<typeof heldReasonSchema>;
export type ManifestInput = z.infer<typeof manifestInputSchema>;
export type ManifestOutput = z.infer<typeof manifestOutputSchema>;

/** `snapshots/<as_of>/current.json`: the published run of one as-of date. */
export const currentPointerSchema = z.object({ as_of: isoDate, run_id: z.string(), prefix: z.string() });
/** `snapshots/latest.json`: the newest published as-of date. */
export const latestPointerSchema = currentPointerSchema;
export type SnapshotPointer = z.infer<typeof currentPointerSchema>;
