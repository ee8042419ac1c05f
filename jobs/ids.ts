import { createHash } from 'node:crypto';

/** Feed sets become one short token: the ids themselves when short, else a hash of them. */
export function feedSetKey(feedIds: readonly string[]): string {
  const joined = [...feedIds].sort().join('+');
  return joined.length <= 60 ? joined : createHash('sha256').update(joined).digest('hex').slice(0, 16);
}

const pad = (n: number) => String(n).padStart(3, '0');

/**
 * Deterministic job ids (BullMQ refuses ids with `:` or all digits; none of these can be): the same
 * run enqueued twice maps to the same jobs, so the second time adds nothing.
 */
export const jobIds = {
  plan: (asOf: string, feedIds: readonly string[]) => `plan.${asOf}.${feedSetKey(feedIds)}`,
  ingest: (asOf: string, feedIds: readonly string[], feedId: string) =>
    `ingest.${asOf}.${feedSetKey(feedIds)}.${feedId}`,
  classify: (runId: string, partition: number) => `classify.${runId}.${pad(partition)}`,
  aggregate: (runId: string) => `aggregate.${runId}`,
  publish: (runId: string) => `publish.${runId}`,
  alerts: (asOf: string, runId: string) => `alerts.${asOf}.${runId}`,
  deliver: (notificationId: string, channel: string) => `deliver.${notificationId}.${channel}`,
};

/** Scheduler ids are per feed, so `schedule sync` can tell its own schedulers from any other. */
export const SCHEDULER_PREFIX = 'feed.';
export const schedulerId = (feedId: string) => `${SCHEDULER_PREFIX}${feedId}`;
