import type { Job } from 'bullmq';
import { classifyPayload } from '../jobs/payloads.js';
import { classifyPartition } from '../src/pipeline/classify.js';
import type { PipelineContext } from '../src/pipeline/context.js';

export const classifyProcessor = (ctx: PipelineContext) => (job: Job) =>
  classifyPartition(ctx, classifyPayload.parse(job.data));
