import type { Job } from 'bullmq';
import { ingestPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import { ingestUnlessPublished } from '../src/stages/ingestFeeds.js';

export const ingestProcessor = (ctx: PipelineContext) => (job: Job) =>
  ingestUnlessPublished(ctx, ingestPayload.parse(job.data));
