/**
 * A worker thread of an inline run: classifies the partitions the pool sends it with the same
 * handler the BullMQ classify worker calls, on a context built from the spec it was started with.
 */
import { workerData } from 'node:worker_threads';
import type { PipelineContext } from '../../context/context.js';
import { createLogger } from '../../logging/logger.js';
import { LocalStore } from '../../store/localStore.js';
import { serveThread } from '../../threads/serve.js';
import { classifyPartition } from '../classify.js';
import { classifyRequestSchema } from '../results.js';
import type { ThreadSpec } from './spec.js';

const spec = workerData as ThreadSpec;
const ctx: PipelineContext = {
  store: new LocalStore(spec.storeRoot),
  logger: createLogger(spec.logLevel, { thread: true }),
  config: spec.config,
  baseDir: spec.baseDir,
  codeVersion: spec.codeVersion,
};

serveThread(async (payload) => ({
  result: await classifyPartition(ctx, classifyRequestSchema.parse(payload)),
}));
