import { readFileSync } from 'node:fs';
import { packageRoot } from './packageRoot.js';

let cached: string | undefined;

/** `dte-pipeline@<version>`: part of every run id, so a new release recomputes rather than reuses. */
export function codeVersion(): string {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as {
      name: string;
      version: string;
    };
    cached = `${pkg.name}@${pkg.version}`;
  }
  return cached;
}
