import type { Job } from 'bullmq';
import { queueDeliveries } from '../jobs/deliveries.js';
import { enqueueRuns } from '../jobs/enqueue.js';
import { runFlow } from '../jobs/flows.js';
import { planPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import type { QueueRuntime } from '../src/queue/runtime.js';
import { afterPublish } from '../src/stages/afterPublish.js';
import { decideRun } from '../src/stages/decide.js';
import { ingestResultSchema } from '../src/stages/results.js';

/** Decides the run once every ingest is done, and puts the rest of the run on the queues. */
export const planProcessor = (ctx: PipelineContext, runtime: QueueRuntime) => async (job: Job) => {
  const payload = planPayload.parse(job.data);
  const ingests = Object.values(await job.getChildrenValues()).map((v) => ingestResultSchema.parse(v));
  const decision = await decideRun(ctx, payload.as_of, ingests);
  if (decision.action === 'run') {
    const added = await runtime.addFlowOnce(
      runFlow(decision.plan, payload.feed_ids, payload.then, ctx.config.worker),
    );
    return { action: decision.action, run_id: decision.plan.run_id, flow: added };
  }
  // Already published or held: its after-publish sequence runs again, as inline (idempotent on ids).
  if (decision.action === 'already_published' || decision.action === 'held')
    await afterPublish(ctx, payload.as_of, queueDeliveries(runtime), decision.plan.run_id);
  // Nothing (more) to publish for this date: the backfill goes on with the next one.
  if (payload.then.length > 0) await enqueueRuns(runtime, ctx.config, payload.then, payload.feed_ids);
  return { action: decision.action, run_id: decision.plan.run_id };
};
