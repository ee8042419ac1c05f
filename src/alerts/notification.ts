import { z } from 'zod';

/** What a channel delivers: the human line and the structured facts behind it. */
export const notificationSchema = z.object({
  id: z.string(),
  key: z.string(),
  kind: z.enum(['behind', 'critical', 'projected_miss', 'feed_stale', 'reject_rate']),
  event: z.enum(['firing', 'escalated', 'deescalated', 'repeat', 'resolved']),
  state: z.string(),
  as_of: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  evaluation: z.record(z.string(), z.unknown()),
});
export type Notification = z.infer<typeof notificationSchema>;
