import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd');

/** The stages of a run, named as the BullMQ queues are (`src/queue/stages.ts`), in run order. */
export const RUN_STAGES = ['ingest', 'plan', 'classify', 'aggregate', 'publish', 'alerts'] as const;
export type RunStage = (typeof RUN_STAGES)[number];

/** What started a run: a feed's scheduler, `dte enqueue`, `dte backfill` (or a retry of one), `dte run`. */
export const RUN_TRIGGERS = ['schedule', 'enqueue', 'backfill', 'cli'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/**
 * `queued`: in line (behind `waiting_for` when it is set); `waiting`: behind a failed date of its
 * backfill, until that date is retried; the rest are the outcomes of a run that ended.
 */
export const RUN_STATUSES = [
  'queued',
  'running',
  'published',
  'already_published',
  'unchanged',
  'held',
  'failed',
  'waiting',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const STAGE_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const stageRecordSchema = z
  .object({
    stage: z.enum(RUN_STAGES),
    status: z.enum(STAGE_STATUSES),
    /** ISO time, null until the stage starts or where the queue no longer knows it. */
    started: z.string().nullable(),
    duration_ms: z.number().int().nonnegative().nullable(),
    error: z.string().nullable(),
  })
  .strict();
export type StageRecord = z.infer<typeof stageRecordSchema>;

/** One run of one as-of date, the same shape whichever runner made it (`dte runs list --json`). */
export const runRecordSchema = z
  .object({
    as_of: isoDate,
    /** Known once the plan stage has hashed the inputs. */
    run_id: z.string().nullable(),
    trigger: z.enum(RUN_TRIGGERS),
    runner: z.enum(['inline', 'bullmq']),
    status: z.enum(RUN_STATUSES),
    /** The date this run waits for: the failed date (`waiting`) or the date ahead of it (`queued`). */
    waiting_for: isoDate.nullable(),
    feed_ids: z.array(z.string()),
    started: z.string().nullable(),
    duration_ms: z.number().int().nonnegative().nullable(),
    /** Rows read over every feed, once ingest is done. */
    rows: z.number().int().nonnegative().nullable(),
    error: z.string().nullable(),
    stages: z.array(stageRecordSchema),
  })
  .strict();
export type RunRecord = z.infer<typeof runRecordSchema>;

/** Every stage not started yet. */
export function pendingStages(): StageRecord[] {
  return RUN_STAGES.map((stage) => ({
    stage,
    status: 'pending',
    started: null,
    duration_ms: null,
    error: null,
  }));
}

/** A date of a series that has not started: in line behind `after`, or waiting for it to be fixed. */
export function queuedRecord(
  asOf: string,
  options: {
    after: string;
    status: 'queued' | 'waiting';
    trigger: RunTrigger;
    runner: RunRecord['runner'];
    feed_ids: string[];
  },
): RunRecord {
  return {
    as_of: asOf,
    run_id: null,
    trigger: options.trigger,
    runner: options.runner,
    status: options.status,
    waiting_for: options.after,
    feed_ids: options.feed_ids,
    started: null,
    duration_ms: null,
    rows: null,
    error: null,
    stages: pendingStages(),
  };
}

/** Runs in date order, each date's runs in start order (not started last). */
export function byDateThenStart(a: RunRecord, b: RunRecord): number {
  if (a.as_of !== b.as_of) return a.as_of < b.as_of ? -1 : 1;
  const sa = a.started ?? '\uffff';
  const sb = b.started ?? '\uffff';
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
