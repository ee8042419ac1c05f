import { listQueuedRuns } from '../../../jobs/queuedRuns.js';
import { evaluateTargets, targetHistories } from '../../alerts/index.js';
import { createContext } from '../../context/createContext.js';
import { UsageError } from '../../domain/errors.js';
import { QueueRuntime } from '../../queue/runtime.js';
import { buildServer } from '../../server/app.js';
import { pageSectionsWith } from '../../server/sections.js';
import { loadCommandConfig } from '../loadCommandConfig.js';

export interface ServeOptions {
  port?: string;
  host: string;
  config?: string;
  queues: boolean;
}

/** `dte serve`: the HTTP surface until SIGTERM/SIGINT. */
export async function serveAction(options: ServeOptions): Promise<void> {
  const loaded = loadCommandConfig(options, 'serve');
  const port = options.port === undefined ? loaded.env.PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0..65535, got ${options.port}`);
  const ctx = await createContext(loaded);
  const runtime = options.queues
    ? QueueRuntime.open(loaded.env.REDIS_URL, loaded.env.DTE_QUEUE_PREFIX, 'serve', {
        failFast: true,
        logger: ctx.logger,
      })
    : null;
  const app = await buildServer({
    store: ctx.store,
    runtime,
    adminToken: loaded.env.DTE_ADMIN_TOKEN,
    logger: ctx.logger,
    evaluations: (asOf) => evaluateTargets(ctx, asOf),
    histories: (asOf) => targetHistories(ctx, asOf),
    // The page shows the queues' runs beside the store's, and only while Redis answers.
    sections: pageSectionsWith(
      runtime
        ? async (limit) => (runtime.redisUp ? listQueuedRuns(runtime, undefined, limit) : [])
        : undefined,
    ),
  });
  await app.listen({ port, host: options.host });
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await app.close();
  await runtime?.close();
  await ctx.store.close();
}
