import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../domain/errors.js';
import { type Env, readEnv } from './env.js';
import { type Config, configSchema } from './schema.js';

export interface LoadedConfig {
  config: Config;
  env: Env;
  /** Folder relative paths in the config file are resolved against. */
  baseDir: string;
  /** The file read, or null for the built-in defaults. */
  file: string | null;
}

/** Formats zod issues as `path.to.field: message` so that a bad field is named, not just counted. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

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

/** Loads the config file (`--config`, else `DTE_CONFIG`, else defaults), then applies env overrides. */
export function loadConfig(configPath?: string, envSource: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const env = readEnv(envSource);
  const file = configPath ?? env.DTE_CONFIG ?? null;
  const raw = file ? readFileValue(file) : {};
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new UsageError(`invalid config ${file ?? '(defaults)'}: ${describeIssues(parsed.error)}`, {
      file: file ?? '',
    });
  }
  const config = parsed.data;
  if (env.DTE_STORE) config.store = env.DTE_STORE;
  const baseDir = file ? path.dirname(path.resolve(file)) : process.cwd();
  return { config, env, baseDir, file };
}
