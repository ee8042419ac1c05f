import { z } from 'zod';
import { INDUSTRY_CODES_SETTINGS } from '../domain/record.js';

const feedId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    'feed ids are lower-case letters, digits, - and _ (they become keys and job ids)',
  );

export const FEED_FORMATS = ['canonical-csv', 'ndjson', 'vn-dkkd-csv', 'vn-dkkd-xlsx'] as const;

export const feedSchema = z.strictObject({
  id: feedId,
  format: z.enum(FEED_FORMATS),
  /** Checked in detail by the sources module (`src/sources/`). */
  source: z.record(z.string(), z.unknown()),
  industry_codes: z.enum(INDUSTRY_CODES_SETTINGS).default('auto'),
  default_province: z.string().nullable().default(null),
  /** Cron in Asia/Ho_Chi_Minh; the as-of date of a scheduled run is the previous day. */
  schedule: z.string().default('0 2 * * *'),
  enabled: z.boolean().default(true),
  /** A workbook's sheet (`vn-dkkd-xlsx`, or any export that proves to be one); the first with the header when absent. */
  sheet: z.string().trim().min(1).max(31).optional(),
  /** A workbook's header row, 1-based; found by the header names when absent. */
  header_row: z.number().int().min(1).max(1_048_576).optional(),
});
export type FeedConfig = z.infer<typeof feedSchema>;

export const configSchema = z
  .strictObject({
    store: z.string().default('file:./var/store'),
    /** Fixed per deployment: changing it makes the next run re-hash the previous snapshot. */
    partitions: z.number().int().min(1).max(256).default(16),
    rules: z
      .strictObject({
        vsic2018: z.string().default('vsic2018-ict-v1'),
        vsic2025: z.string().default('vsic2025-ict-v1'),
      })
      .default({ vsic2018: 'vsic2018-ict-v1', vsic2025: 'vsic2025-ict-v1' }),
    targets: z.string().default('fixtures/targets.yaml'),
    feeds: z.array(feedSchema).default([]),
    alerts: z.record(z.string(), z.unknown()).default({}),
    /** A record or a cell past these is a row rejected as `record_too_long`; the reader holds no more. */
    limits: z
      .strictObject({
        max_record_bytes: z
          .number()
          .int()
          .min(1024)
          .max(256 * 1024 * 1024)
          .default(1024 * 1024),
        max_cell_bytes: z
          .number()
          .int()
          .min(64)
          .max(256 * 1024 * 1024)
          .default(64 * 1024),
      })
      .prefault({}),
    /** A snapshot past these is published as held: kept and listed, not latest, until released. */
    gates: z
      .strictObject({
        max_drop_pct: z.number().min(0).max(100).default(20),
        max_reject_pct: z.number().min(0).max(100).default(10),
      })
      .prefault({}),
    worker: z
      .strictObject({
        concurrency: z.number().int().min(1).max(64).default(2),
        attempts: z.number().int().min(1).max(20).default(5),
        backoff_ms: z.number().int().min(10).default(2000),
        /** A worker that stops renewing its lock this long is presumed dead and its job is retried. */
        lock_duration_ms: z.number().int().min(1000).default(30_000),
        stalled_interval_ms: z.number().int().min(500).default(15_000),
        /** Finished jobs kept for the dashboard and reruns: at most this many per queue, this old. */
        keep_completed: z.number().int().min(0).default(1000),
        keep_failed: z.number().int().min(0).default(5000),
        keep_days: z.number().int().min(1).default(14),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.feeds.forEach((feed, i) => {
      if (seen.has(feed.id))
        ctx.addIssue({ code: 'custom', path: ['feeds', i, 'id'], message: `duplicate feed id ${feed.id}` });
      seen.add(feed.id);
    });
  });
export type Config = z.infer<typeof configSchema>;
