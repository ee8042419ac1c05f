import { startWorkers, stopWorkers } from '../../../workers/index.js';
import { createContext } from '../../context/createContext.js';
import { UsageError } from '../../domain/errors.js';
import { recordJob } from '../../metrics/record.js';
import { startHeartbeat } from '../../queue/heartbeat.js';
import { QueueRuntime } from '../../queue/runtime.js';
import { loadCommandConfig } from '../loadCommandConfig.js';

export interface WorkerOptions {
  config?: string;
  concurrency?: string;
}

/** `dte worker`: BullMQ workers for every stage until SIGTERM/SIGINT. */
export async function workerAction(options: WorkerOptions): Promise<void> {
  const loaded = loadCommandConfig(options, 'worker');
  const concurrency =
    options.concurrency === undefined ? loaded.config.worker.concurrency : Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency must be a whole number 1..64, got ${options.concurrency}`);
  }
  const ctx = await createContext(loaded);
  const runtime = QueueRuntime.open(loaded.env.REDIS_URL, loaded.env.DTE_QUEUE_PREFIX, 'worker', {
    logger: ctx.logger,
  });
  const workers = startWorkers(ctx, runtime, {
    concurrency,
    onFinished: ({ stage, job, ms, ok, result }) => {
      const final = !ok && job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const channel = (job.data as { channel?: string }).channel;
      recordJob(runtime.connection, runtime.prefix, { stage, ms, ok, final, result, channel }).catch((err) =>
        ctx.logger.warn({ err, stage }, 'could not record job metrics'),
      );
    },
  });
  const stopHeartbeat = startHeartbeat(
    runtime.connection,
    runtime.prefix,
    () => ({ running: workers.filter((w) => w.isRunning()).length, stages: workers.length }),
    (err) => ctx.logger.warn({ err }, 'could not write the worker heartbeat'),
  );
  ctx.logger.info({ prefix: runtime.prefix, concurrency, store: ctx.store.url }, 'workers started');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      ctx.logger.info({ signal }, 'stopping: finishing active jobs');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await stopWorkers(workers);
  await stopHeartbeat();
  await runtime.close();
  await ctx.store.close();
  ctx.logger.info('workers stopped');
}
