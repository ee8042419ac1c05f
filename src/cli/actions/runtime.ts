import type { LoadedConfig } from '../../config/load.js';
import { waitForRedis } from '../../queue/connection.js';
import { QueueRuntime } from '../../queue/runtime.js';
import { loadCommandConfig } from '../loadCommandConfig.js';

/** How long a command waits for Redis to answer before it fails (exit 1). */
const REDIS_WAIT_MS = 3000;

/** Config and queues for the commands that talk to Redis; always closes the connection. */
export function withRuntime<T>(
  configFile: string | undefined,
  use: (runtime: QueueRuntime, loaded: LoadedConfig) => Promise<T>,
): Promise<T> {
  const loaded = loadCommandConfig({ config: configFile }, 'queues');
  return withQueues(loaded, (runtime) => use(runtime, loaded));
}

/** The queues of an already loaded config, once Redis answers within `waitMs`; always closes them. */
export async function withQueues<T>(
  loaded: LoadedConfig,
  use: (runtime: QueueRuntime) => Promise<T>,
  waitMs = REDIS_WAIT_MS,
): Promise<T> {
  const runtime = QueueRuntime.open(loaded.env.REDIS_URL, loaded.env.DTE_QUEUE_PREFIX, 'client', {
    failFast: true,
  });
  try {
    // A command that needs Redis says so in one line, and soon, rather than waiting for it.
    await waitForRedis(runtime.connection, loaded.env.REDIS_URL, waitMs);
    return await use(runtime);
  } finally {
    await runtime.close();
  }
}
