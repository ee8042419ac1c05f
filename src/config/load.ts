import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../domain/errors.js';
import { packageRoot } from '../package/packageRoot.js';
import { checkSchedules } from './cron.js';
import { ENV_NAMES, type Env, type EnvName, readEnv } from './env.js';
import { describeIssues } from './nearestKey.js';
import { type Config, configSchema } from './schema.js';
import { resolveStoreUrl } from './storeUrl.js';

export { describeIssues } from './nearestKey.js';

export interface LoadedConfig {
  config: Config;
  env: Env;
  /** Folder relative paths in the config file are resolved against. */
  baseDir: string;
  /** The file read, or null for the built-in defaults. */
  file: string | null;
}

export interface LoadOptions {
  /** The environment variables the command reads: only these are checked (default: all). */
  uses?: readonly EnvName[];
  /** A `--store` flag, relative to the working directory; it wins over DTE_STORE and the config. */
  store?: string;
}

/** The bundled targets file, found from the package so that every command works from any folder. */
const DEFAULT_TARGETS = 'fixtures/targets.yaml';

function readFileValue(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config ${file}: ${(error as Error).message}`, { file });
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(
      `config ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      { file },
    );
  }
}

const hasKey = (raw: unknown, key: string) =>
  typeof raw === 'object' && raw !== null && Object.hasOwn(raw, key);

/** The store URL, from the flag, else DTE_STORE (both relative to the working directory), else the config. */
function storeOf(config: Config, env: Env, options: LoadOptions, baseDir: string): string {
  if (options.store !== undefined) return resolveStoreUrl(options.store, '--store', process.cwd());
  if (env.DTE_STORE) return resolveStoreUrl(env.DTE_STORE, 'DTE_STORE', process.cwd());
  return resolveStoreUrl(config.store, 'config key store', baseDir);
}

/** Loads the config file (`--config`, else `DTE_CONFIG`, else defaults), then applies env overrides. */
export function loadConfig(
  configPath?: string,
  envSource: NodeJS.ProcessEnv = process.env,
  options: LoadOptions = {},
): LoadedConfig {
  const env = readEnv(envSource, [...(options.uses ?? ENV_NAMES), 'DTE_CONFIG', 'DTE_STORE']);
  const file = configPath ?? env.DTE_CONFIG ?? null;
  const raw = (file ? readFileValue(file) : {}) ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(
      `invalid config ${file ?? '(defaults)'}: ${describeIssues(parsed.error, configSchema)}`,
      { file: file ?? '' },
    );
  }
  const config = parsed.data;
  checkSchedules(config.feeds, file ?? '(defaults)');
  const baseDir = file ? path.dirname(path.resolve(file)) : process.cwd();
  config.store = storeOf(config, env, options, baseDir);
  config.targets = hasKey(raw, 'targets')
    ? path.resolve(baseDir, config.targets)
    : path.join(packageRoot(), DEFAULT_TARGETS);
  return { config, env, baseDir, file };
}
