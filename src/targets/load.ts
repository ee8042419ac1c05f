import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../domain/errors.js';
import { type Target, targetSchema, targetsFileSchema } from './schema.js';

export interface TargetsFile {
  file: string;
  targets: Target[];
  notMeasurable: Array<{ plan: string; target: string; reason: string }>;
}

/** Reads and checks the targets file; an error names the target id and the field. */
export function loadTargets(file: string): TargetsFile {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(`cannot read targets ${file}: ${(error as Error).message}`, { file });
  }
  const top = targetsFileSchema.safeParse(raw);
  if (!top.success)
    throw new UsageError(
      `invalid targets ${file}: ${top.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      { file },
    );
  const seen = new Set<string>();
  const targets = top.data.targets.map((value, i) => {
    const id =
      typeof value === 'object' && value !== null && 'id' in value
        ? String((value as { id: unknown }).id)
        : `#${i + 1}`;
    const parsed = targetSchema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(target)'}: ${issue.message}`)
        .join('; ');
      throw new UsageError(`invalid target ${id} in ${file}: ${issues}`, { file, target: id });
    }
    if (seen.has(parsed.data.id))
      throw new UsageError(`duplicate target id ${parsed.data.id} in ${file}`, { file, target: id });
    seen.add(parsed.data.id);
    return parsed.data;
  });
  return { file, targets, notMeasurable: top.data.not_measurable };
}

/** The config's targets path, relative to the config file's folder. */
export function targetsPath(configured: string, baseDir: string): string {
  return path.resolve(baseDir, configured);
}
