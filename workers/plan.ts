import type { Job } from 'bullmq';
import { enqueueRuns } from '../jobs/enqueue.js';
import { runFlow } from '../jobs/flows.js';
import { planPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/pipeline/context.js';
import { decideRun } from '../src/pipeline/decide.js';
import { ingestResultSchema } from '../src/pipeline/results.js';
import type { QueueRuntime } from '../src/queue/runtime.js';

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
  // Nothing to publish for this date: the backfill goes on with the next one.
  if (payload.then.length > 0) await enqueueRuns(runtime, ctx.config, payload.then, payload.feed_ids);
  return { action: decision.action, run_id: decision.plan.run_id };
};
