import type { Job } from 'bullmq';
import { aggregatePayload } from '../jobs/payloads.js';
import { aggregateRun } from '../src/pipeline/aggregate.js';
import type { PipelineContext } from '../src/pipeline/context.js';
import { classifyResultSchema } from '../src/pipeline/results.js';

export const aggregateProcessor = (ctx: PipelineContext) => async (job: Job) => {
  const classified = Object.values(await job.getChildrenValues()).map((v) => classifyResultSchema.parse(v));
  return aggregateRun(ctx, aggregatePayload.parse(job.data), classified);
};
