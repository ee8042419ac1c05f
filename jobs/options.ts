import type { JobsOptions } from 'bullmq';
import type { Config } from '../src/config/schema.js';

/** Retries with exponential backoff and bounded retention, for every job of every stage. */
export function jobOptions(worker: Config['worker']): JobsOptions {
  const age = worker.keep_days * 24 * 3600;
  return {
    attempts: worker.attempts,
    backoff: { type: 'exponential', delay: worker.backoff_ms },
    removeOnComplete: { age, count: worker.keep_completed },
    removeOnFail: { age, count: worker.keep_failed },
  };
}

/**
 * A child's value lives on in its parent once it completes, so children need not be kept; a
 * failing child fails its parent, so no parent ever waits for a child that will not come.
 */
export function childOptions(worker: Config['worker']): JobsOptions {
  return { ...jobOptions(worker), removeOnComplete: true, failParentOnFailure: true };
}
