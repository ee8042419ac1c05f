import { z } from 'zod';
import type { InlineRunOutcome } from '../../runners/inline.js';
import { snapshotKeys } from '../../snapshot/layout.js';

/** `dte run --json`: one shape whatever the outcome, so that a script reads the same fields every time. */
export const runJsonSchema = z.strictObject({
  status: z.enum(['published', 'already_published', 'held', 'unchanged']),
  /** The publish gates a held run failed (`no_accepted_rows`, `active_drop`, `reject_rate`); empty otherwise. */
  held_reasons: z.array(z.string()),
  as_of: z.string(),
  run_id: z.string(),
  store: z.string(),
  /** The snapshot's folder in the store (a held one's too); null when nothing was published. */
  folder: z.string().nullable(),
  feeds: z.array(
    z.strictObject({
      feed_id: z.string(),
      fetch_status: z.enum(['fetched', 'unchanged']),
      rows_read: z.number(),
      valid: z.number(),
      rejected: z.number(),
      raw_key: z.string(),
    }),
  ),
});
export type RunJson = z.infer<typeof runJsonSchema>;

export function runJson(outcome: InlineRunOutcome, store: string): RunJson {
  const { plan } = outcome;
  return {
    status: outcome.status,
    as_of: plan.as_of,
    run_id: plan.run_id,
    held_reasons: outcome.status === 'held' ? outcome.held.reasons.map((r) => r.gate) : [],
    store,
    folder: outcome.status === 'unchanged' ? null : snapshotKeys.prefix(plan.as_of, plan.run_id),
    feeds: plan.feeds.map((f) => ({
      feed_id: f.feed_id,
      fetch_status: f.fetch_status,
      rows_read: f.rows_read,
      valid: f.valid,
      rejected: f.rejected,
      raw_key: f.raw_key,
    })),
  };
}
