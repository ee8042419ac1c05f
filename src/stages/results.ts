import { z } from 'zod';
import { heldSchema, legacySourcesSchema, manifestOutputSchema } from '../snapshot/manifest.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What ingest of one feed hands on: keys and counts, never rows. */
export const ingestResultSchema = z.object({
  feed_id: z.string(),
  format: z.string(),
  source: z.string(),
  raw_key: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256,
  fetch_status: z.enum(['fetched', 'unchanged']),
  rows_read: z.number().int().nonnegative(),
  /** Rows that passed validation, duplicates included (the classify stage removes those). */
  valid: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  industry_code_systems: z.record(z.string(), z.number().int().nonnegative()),
  legacy_sources: legacySourcesSchema,
  address_conflicts: z.number().int().nonnegative(),
  /** The rejects file's columns between the lead ones and `extra_cells`: the export's header names. */
  reject_columns: z.array(z.string()).default([]),
  /** Rows of the rejects file (rejected and warned) by reason. */
  rejects_by_reason: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** Folder of the validated rows, one file of tab-separated rows per partition, and `rejects.csv`. */
  staging_prefix: z.string(),
  partitions: z.number().int().positive(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

/** A feed fetched and not parsed (`FetchedFeed`): what an ingest job hands on when the date's published run read its bytes. */
export const fetchedFeedSchema = z.object({
  payload: z.object({ as_of: isoDate, feed_id: z.string() }),
  fetched: z.object({
    status: z.enum(['fetched', 'unchanged']),
    rawKey: z.string(),
    sha256,
    bytes: z.number().int().nonnegative(),
    fileName: z.string(),
    source: z.string(),
  }),
  staging_prefix: z.string(),
});

/** What an ingest job returns (`FeedIngest`): the feed's staged rows, or its fetch alone. */
export const feedIngestSchema = z.union([ingestResultSchema, z.object({ unparsed: fetchedFeedSchema })]);

/** Everything later stages need to find their inputs and outputs, decided once per run. */
export const runPlanSchema = z.object({
  as_of: isoDate,
  run_id: z.string().regex(/^[0-9a-f]{16}$/),
  rule_set_id: z.string(),
  code_version: z.string(),
  partitions: z.number().int().positive(),
  previous: z
    .object({ as_of: isoDate, run_id: z.string(), prefix: z.string(), partitions: z.number() })
    .nullable(),
  feeds: z.array(ingestResultSchema),
});
export type RunPlan = z.infer<typeof runPlanSchema>;

/** What a classify job or thread is asked: one partition of a planned run. */
export const classifyRequestSchema = z.object({
  plan: runPlanSchema,
  partition: z.number().int().nonnegative(),
});

export const classifyResultSchema = z.object({
  partition: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  duplicates: z.record(z.string(), z.number().int().nonnegative()),
  counts_key: z.string(),
  dte_key: z.string(),
  output: manifestOutputSchema,
});
export type ClassifyResult = z.infer<typeof classifyResultSchema>;

export const aggregateResultSchema = z.object({
  outputs: z.array(manifestOutputSchema),
  duplicates: z.record(z.string(), z.number().int().nonnegative()),
});
export type AggregateResult = z.infer<typeof aggregateResultSchema>;

export const publishResultSchema = z.object({
  as_of: isoDate,
  run_id: z.string(),
  prefix: z.string(),
  manifest_key: z.string(),
  /** False when a newer as-of date was already the latest, or when held. */
  became_latest: z.boolean(),
  /** Why a publish gate held it (no pointer moved); null when published. */
  held: heldSchema.nullable().default(null),
});
export type PublishResult = z.infer<typeof publishResultSchema>;
