/**
 * A worker thread of an inline run: classifies the partitions the pool sends it with the same
 * handler the BullMQ classify worker calls, on a context built from the spec it was started with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { classifyPayload } from '../../jobs/payloads.js';
import { DteError } from '../domain/errors.js';
import { createLogger } from '../logging/logger.js';
import { classifyPartition } from '../pipeline/classify.js';
import type { PipelineContext } from '../pipeline/context.js';
import { LocalStore } from '../store/localStore.js';
import { threadRequest } from './threadMessages.js';
import type { ThreadSpec } from './threadSpec.js';

const port = parentPort;
if (!port) throw new Error('stageThread runs only as a worker thread');
const spec = workerData as ThreadSpec;
const ctx: PipelineContext = {
  store: new LocalStore(spec.storeRoot),
  logger: createLogger(spec.logLevel, { thread: true }),
  config: spec.config,
  baseDir: spec.baseDir,
  codeVersion: spec.codeVersion,
};

port.on('message', async (message: unknown) => {
  const { id, payload } = threadRequest.parse(message);
  try {
    const result = await classifyPartition(ctx, classifyPayload.parse(payload));
    port.postMessage({ id, ok: true, result });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const context = error instanceof DteError ? error.context : {};
    port.postMessage({ id, ok: false, error: { name: e.name, message: e.message, stack: e.stack, context } });
  }
});
