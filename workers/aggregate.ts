import type { Job } from 'bullmq';
import { aggregatePayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import { aggregateRun } from '../src/stages/aggregate.js';
import { classifyResultSchema } from '../src/stages/results.js';

export const aggregateProcessor = (ctx: PipelineContext) => async (job: Job) => {
  const classified = Object.values(await job.getChildrenValues()).map((v) => classifyResultSchema.parse(v));
  return aggregateRun(ctx, aggregatePayload.parse(job.data), classified);
};
