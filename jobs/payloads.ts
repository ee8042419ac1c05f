import { z } from 'zod';
import { RUN_TRIGGERS } from '../src/runs/record.js';
import { classifyRequestSchema, runPlanSchema } from '../src/stages/results.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd');
const feedIds = z.array(z.string().min(1)).min(1);
/** As-of dates to run after this one, oldest first: how a backfill keeps its runs in order. */
const then = z.array(isoDate).default([]);

export const triggerPayload = z.object({ feed_id: z.string().min(1) });
/** What started the run (`dte runs`); jobs queued before it was recorded count as enqueued. */
const trigger = z.enum(RUN_TRIGGERS).default('enqueue');

export const planPayload = z.object({ as_of: isoDate, feed_ids: feedIds, then, trigger });
export const ingestPayload = z.object({ as_of: isoDate, feed_id: z.string().min(1) });
export const classifyPayload = classifyRequestSchema;
export const aggregatePayload = z.object({ plan: runPlanSchema });
export const publishPayload = z.object({ plan: runPlanSchema });
export const alertsPayload = z.object({ as_of: isoDate, run_id: z.string(), feed_ids: feedIds, then });
export const deliverPayload = z.object({
  notification: z.looseObject({ id: z.string().min(1) }),
  channel: z.enum(['log', 'webhook', 'email', 'zalo']),
  /** The destination's id within the notification's route; absent in jobs queued before routing. */
  destination: z.string().min(1).optional(),
});

export type PlanPayload = z.infer<typeof planPayload>;
export type AlertsPayload = z.infer<typeof alertsPayload>;
