import { DelayedError, type Job } from 'bullmq';
import { queueDeliveries } from '../jobs/deliveries.js';
import { enqueueRuns } from '../jobs/enqueue.js';
import { runFlow } from '../jobs/flows.js';
import { planPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import { AlreadyRunningError } from '../src/domain/errors.js';
import { earlierDatesInProgress, leaseMs, releaseDateLease, takeDateLease } from '../src/queue/dateLease.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import { rowsRead } from '../src/runs/status.js';
import { afterPublish } from '../src/stages/afterPublish.js';
import { decideRun, type RunDecision } from '../src/stages/decide.js';
import { settleIngests } from '../src/stages/ingestFeeds.js';
import { feedIngestSchema } from '../src/stages/results.js';

/** How often a run waiting for an earlier date looks again. */
const ORDER_POLL_MS = 500;

/**
 * Decides the run once every ingest is done, and puts the rest of the run on the queues. The decision
 * chooses the previous snapshot, so it waits (delayed) while an earlier date is in progress, and it
 * takes the date's lease so that no other run of the date goes on at the same time.
 */
export const planProcessor =
  (ctx: PipelineContext, runtime: QueueRuntime) => async (job: Job, token?: string) => {
    const payload = planPayload.parse(job.data);
    const earlier = await earlierDatesInProgress(runtime, payload.as_of);
    if (earlier.length > 0) {
      ctx.logger.info(
        { stage: 'plan', asOf: payload.as_of, waitingFor: earlier.join(',') },
        'waiting for an earlier date',
      );
      await job.moveToDelayed(Date.now() + ORDER_POLL_MS, token);
      throw new DelayedError();
    }
    const holder = String(job.id);
    const other = await takeDateLease(runtime, payload.as_of, holder, leaseMs(ctx.config.worker));
    if (other)
      throw new AlreadyRunningError(`already running: the run ${other} holds the lease of ${payload.as_of}`, {
        asOf: payload.as_of,
        jobId: holder,
      });
    const feeds = Object.values(await job.getChildrenValues()).map((v) => feedIngestSchema.parse(v));
    // As inline: a date published from the same bytes is known from their hashes, no row parsed.
    const settled = await settleIngests(ctx, payload.as_of, feeds);
    const decision: RunDecision =
      'published' in settled
        ? { action: 'already_published', plan: settled.published }
        : await decideRun(ctx, payload.as_of, settled.ingests);
    const rows = rowsRead(decision.plan.feeds);
    if (decision.action === 'run') {
      const added = await runtime.addFlowOnce(
        runFlow(decision.plan, payload.feed_ids, payload.then, ctx.config.worker),
      );
      return { action: decision.action, run_id: decision.plan.run_id, rows, flow: added };
    }
    // Already published or held: its after-publish sequence runs again, as inline (idempotent on ids).
    if (decision.action === 'already_published' || decision.action === 'held')
      await afterPublish(ctx, payload.as_of, queueDeliveries(runtime), decision.plan.run_id);
    await releaseDateLease(runtime, payload.as_of, holder);
    // Nothing (more) to publish for this date: the backfill goes on with the next one.
    if (payload.then.length > 0)
      await enqueueRuns(runtime, ctx.config, payload.then, payload.feed_ids, 'backfill');
    return { action: decision.action, run_id: decision.plan.run_id, rows };
  };
