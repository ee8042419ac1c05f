import { z } from 'zod';

/** Kinds about the pipeline itself: they go to the ops route, never to leadership. */
export const OPS_KINDS = ['feed_stale', 'reject_rate', 'run_failed', 'snapshot_held'] as const;

/** What a channel delivers: the human line and the structured facts behind it. */
export const notificationSchema = z.object({
  id: z.string(),
  key: z.string(),
  kind: z.enum(['behind', 'critical', 'projected_miss', ...OPS_KINDS]),
  event: z.enum(['firing', 'escalated', 'deescalated', 'repeat', 'resolved']),
  state: z.string(),
  as_of: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  evaluation: z.record(z.string(), z.unknown()),
  /** Recorded in history but not sent: the target was silenced, or this repeat was acknowledged. */
  suppressed: z.enum(['silenced', 'acknowledged']).optional(),
});
export type Notification = z.infer<typeof notificationSchema>;

export function isOps(notification: Pick<Notification, 'kind'>): boolean {
  return (OPS_KINDS as readonly string[]).includes(notification.kind);
}
