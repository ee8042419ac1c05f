import type { LoadedConfig } from '../config/load.js';
import { createLogger } from '../logging/logger.js';
import { codeVersion } from '../package/codeVersion.js';
import { openStore } from '../store/openStore.js';
import type { PipelineContext } from './context.js';

/** One context per process: the store connection, the logger, the validated config. */
export async function createContext(
  loaded: LoadedConfig,
  overrides: Partial<PipelineContext> = {},
): Promise<PipelineContext> {
  return {
    store: await openStore(loaded.config.store),
    logger: createLogger(loaded.env.LOG_LEVEL),
    config: loaded.config,
    baseDir: loaded.baseDir,
    codeVersion: codeVersion(),
    threads: loaded.env.DTE_THREADS,
    ...overrides,
  };
}
