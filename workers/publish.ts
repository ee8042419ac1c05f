import type { Job } from 'bullmq';
import { publishPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import { publishRun } from '../src/stages/publish.js';
import { aggregateResultSchema } from '../src/stages/results.js';

export const publishProcessor = (ctx: PipelineContext) => async (job: Job) => {
  const [aggregate, ...extra] = Object.values(await job.getChildrenValues()).map((v) =>
    aggregateResultSchema.parse(v),
  );
  if (!aggregate || extra.length > 0) throw new Error(`publish ${job.id} needs exactly one aggregate result`);
  return publishRun(ctx, publishPayload.parse(job.data), aggregate);
};
