import type { PipelineContext } from '../context/context.js';
import { errorLine } from '../domain/errors.js';
import { redactText } from '../logging/redact.js';
import { sendOpsNotification } from './opsNotification.js';

export interface FailedRun {
  as_of: string;
  /** The run's identity, the same across its retries: its notification id hashes it, so ops hear once. */
  run: string;
  /** Where it failed: a stage name, or `inline`. */
  stage: string;
}

/**
 * Tells the ops route that a run failed for good (after its retries): one `run_failed` notification
 * per run, never to leadership; never throws, so the caller's own failure is what surfaces.
 */
export async function reportRunFailed(
  ctx: PipelineContext,
  failed: FailedRun,
  error: unknown,
): Promise<void> {
  const cause = errorLine(error);
  try {
    await sendOpsNotification(ctx, {
      kind: 'run_failed',
      as_of: failed.as_of,
      subject: failed.run,
      detail: `${failed.stage}: ${redactText(cause)}`,
      facts: { stage: failed.stage },
    });
  } catch (notifyError) {
    ctx.logger.error(
      { err: notifyError, asOf: failed.as_of, run: failed.run },
      'could not record run_failed',
    );
  }
}
