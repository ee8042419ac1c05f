import type { Job } from 'bullmq';
import { ingestPayload } from '../jobs/payloads.js';
import type { PipelineContext } from '../src/context/context.js';
import { ingestFeed } from '../src/stages/ingest.js';

export const ingestProcessor = (ctx: PipelineContext) => (job: Job) =>
  ingestFeed(ctx, ingestPayload.parse(job.data));
