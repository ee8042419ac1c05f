import type { Job } from 'bullmq';
import { classifyPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import { classifyPartition } from '../src/stages/classify.js';

export const classifyProcessor = (ctx: PipelineContext) => (job: Job) =>
  classifyPartition(ctx, classifyPayload.parse(job.data));
