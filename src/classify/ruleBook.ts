import type { IndustrySystem } from '../domain/record.js';
import { loadRuleSet, type RuleSet } from './ruleSet.js';

/** The rule sets of both systems, with one category list in a stable order. */
export interface RuleBook {
  /** `vsic2018-ict-v1+vsic2025-ict-v1`: written into every manifest. */
  id: string;
  categories: string[];
  bySystem: Record<IndustrySystem, RuleSet>;
  /** The category of a class in a system, or null when it is not digital. */
  categoryOf(system: IndustrySystem, code: string): string | null;
}

export function buildRuleBook(vsic2018: RuleSet, vsic2025: RuleSet): RuleBook {
  const index: Record<IndustrySystem, Map<string, string>> = { vsic2018: new Map(), vsic2025: new Map() };
  for (const set of [vsic2018, vsic2025]) {
    for (const [category, codes] of Object.entries(set.categories))
      for (const code of codes) index[set.system].set(code, category);
  }
  const categories = [...new Set([...Object.keys(vsic2018.categories), ...Object.keys(vsic2025.categories)])];
  return {
    id: `${vsic2018.id}+${vsic2025.id}`,
    categories,
    bySystem: { vsic2018, vsic2025 },
    categoryOf: (system, code) => index[system].get(code.slice(0, 4)) ?? null,
  };
}

export function loadRuleBook(spec: { vsic2018: string; vsic2025: string }): RuleBook {
  return buildRuleBook(loadRuleSet(spec.vsic2018, 'vsic2018'), loadRuleSet(spec.vsic2025, 'vsic2025'));
}
