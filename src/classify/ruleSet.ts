import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../domain/errors.js';
import type { IndustrySystem } from '../domain/record.js';
import { packageRoot } from '../package/packageRoot.js';

const code = z.string().regex(/^\d{4}$/, 'a class is 4 digits, as a string');

export const ruleSetSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  system: z.enum(['vsic2018', 'vsic2025']),
  source: z.string().min(1),
  categories: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(code).min(1)),
  /** Where a derived class comes from (VSIC 2025 rule sets), shown in the README table. */
  provenance: z.record(code, z.object({ from: z.array(code), note: z.string().optional() })).optional(),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

/**
 * A bundled rule id (`src/classify/data/rules/<id>.json`), or a path to a deployment's own rule file
 * (anything with a slash or ending `.json`), relative to `baseDir` (the config file's folder).
 */
export function ruleFile(ref: string, baseDir = process.cwd()): string {
  return ref.includes('/') || ref.endsWith('.json')
    ? path.resolve(baseDir, ref)
    : path.join(packageRoot(), 'src/classify/data/rules', `${ref}.json`);
}

export function loadRuleSet(ref: string, expected: IndustrySystem, baseDir?: string): RuleSet {
  const file = ruleFile(ref, baseDir);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read rule set ${ref}: ${(error as Error).message}`, { file });
  }
  const parsed = ruleSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new UsageError(`invalid rule set ${file}: ${issues}`, { file });
  }
  if (parsed.data.system !== expected) {
    throw new UsageError(
      `rule set ${parsed.data.id} is for ${parsed.data.system}, configured for ${expected}`,
      { file },
    );
  }
  return parsed.data;
}
