import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../package/packageRoot.js';
import { type ConversionRow, conversionRows, conversionSource } from './conversion.js';
import type { RuleSet } from './ruleSet.js';

/** The conversion the derivation reads: the level-4 rows of the official 2018 → 2025 table. */
export interface Conversion {
  source: string;
  rows: readonly ConversionRow[];
}

export const decisionsSchema = z.object({
  about: z.string(),
  decisions: z.array(z.object({ code: z.string(), include: z.boolean(), reason: z.string() })),
});
export type Decisions = z.infer<typeof decisionsSchema>;

function readData<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(path.join(packageRoot(), 'src/classify/data', file), 'utf8')));
}

export function conversionTable(): Conversion {
  return {
    source: conversionSource().source,
    rows: conversionRows('2018-2025').filter((row) => row.level === 4),
  };
}

export function vsic2025Decisions(): Decisions {
  return readData('vsic2025-decisions.json', decisionsSchema);
}

/**
 * `vsic2025-ict-v1` from `vsic2018-ict-v1`: every 2025 class that a digital 2018 class converts to
 * takes that class's category, unless a decision (with its reason) excludes it. A 2025 class that
 * also receives non-digital 2018 activity needs a decision; without one, derivation fails.
 */
export function deriveVsic2025(base: RuleSet, conversion: Conversion, decisions: Decisions): RuleSet {
  const categoryOf2018 = new Map<string, string>();
  for (const [category, codes] of Object.entries(base.categories))
    for (const c of codes) categoryOf2018.set(c, category);
  const decisionOf = new Map(decisions.decisions.map((d) => [d.code, d]));
  const targets = new Map<string, { category: string; from: Set<string> }>();
  for (const row of conversion.rows) {
    const category = categoryOf2018.get(row.from);
    if (!category) continue;
    const target = targets.get(row.to) ?? { category, from: new Set<string>() };
    if (target.category !== category)
      throw new Error(`2025 class ${row.to} receives two categories: ${target.category}, ${category}`);
    target.from.add(row.from);
    targets.set(row.to, target);
  }
  const categories: Record<string, string[]> = Object.fromEntries(
    Object.keys(base.categories).map((c) => [c, []]),
  );
  const provenance: NonNullable<RuleSet['provenance']> = {};
  for (const [code, target] of [...targets.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const mixed = conversion.rows.some((r) => r.to === code && !categoryOf2018.has(r.from));
    const decision = decisionOf.get(code);
    if (mixed && !decision)
      throw new Error(`2025 class ${code} mixes digital and non-digital 2018 activity: it needs a decision`);
    if (decision && !decision.include) continue;
    categories[target.category]!.push(code);
    provenance[code] = { from: [...target.from].sort(), ...(decision ? { note: decision.reason } : {}) };
  }
  return {
    id: 'vsic2025-ict-v1',
    system: 'vsic2025',
    source: `derived from ${base.id} through the official VSIC 2018 → 2025 conversion table (src/classify/data/vsic-conversion-2018-2025.tsv, level 4) and the decisions in src/classify/data/vsic2025-decisions.json`,
    categories,
    provenance,
  };
}
