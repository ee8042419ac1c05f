import type { Job } from 'bullmq';
import { enqueueRuns } from '../jobs/enqueue.js';
import { jobIds } from '../jobs/ids.js';
import { jobOptions } from '../jobs/options.js';
import { alertsPayload } from '../jobs/payloads.js';
import { evaluateAlerts, planDeliveries } from '../src/alerts/index.js';
import type { PipelineContext } from '../src/pipeline/context.js';
import type { QueueRuntime } from '../src/queue/runtime.js';

/** Evaluates the targets on the published snapshot; each notification × destination is a job of its own. */
export const alertsProcessor = (ctx: PipelineContext, runtime: QueueRuntime) => async (job: Job) => {
  const payload = alertsPayload.parse(job.data);
  const evaluated = await evaluateAlerts(ctx, { as_of: payload.as_of });
  const deliveries = planDeliveries(ctx, evaluated.notifications).map((d) => ({
    name: 'deliver',
    data: d,
    opts: { ...jobOptions(ctx.config.worker), jobId: jobIds.deliver(d.notification.id, d.destination) },
  }));
  if (deliveries.length > 0) await runtime.queues.deliver.addBulk(deliveries);
  if (payload.then.length > 0) await enqueueRuns(runtime, ctx.config, payload.then, payload.feed_ids);
  return {
    as_of: payload.as_of,
    evaluations: evaluated.evaluations.length,
    notifications: evaluated.notifications.length,
  };
};
