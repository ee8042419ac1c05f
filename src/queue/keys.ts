import { createHash } from 'node:crypto';

/** Redis keys of the pipeline's own (outside BullMQ's), under the deployment's queue prefix. */
export const redisKeys = {
  /** Claimed once by the first job of a run to fail for good, so concurrent failures notify once. */
  runFailedClaim: (prefix: string, run: string) =>
    `${prefix}:dte:run-failed:${createHash('sha256').update(run).digest('hex').slice(0, 24)}`,
  /** The lease on an as-of date held by the BullMQ run in progress for it. */
  dateLease: (prefix: string, asOf: string) => `${prefix}:dte:lease:${asOf}`,
};
