import { type LoadedConfig, loadConfig } from '../../config/load.js';
import { QueueRuntime } from '../../queue/runtime.js';

/** Config and queues for the commands that talk to Redis; always closes the connection. */
export async function withRuntime<T>(
  configFile: string | undefined,
  use: (runtime: QueueRuntime, loaded: LoadedConfig) => Promise<T>,
): Promise<T> {
  const loaded = loadConfig(configFile);
  const runtime = QueueRuntime.open(loaded.env.REDIS_URL, loaded.env.DTE_QUEUE_PREFIX);
  try {
    return await use(runtime, loaded);
  } finally {
    await runtime.close();
  }
}
