import type { IndustrySystem } from '../domain/record.js';
import { classNumber } from './catalog.js';
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
  // By class number: classify asks for every row's main and secondary codes, and a map keyed by
  // text made each question slice and hash the code.
  const classes = (): Array<string | undefined> => new Array<string | undefined>(10_000).fill(undefined);
  const index: Record<IndustrySystem, Array<string | undefined>> = {
    vsic2018: classes(),
    vsic2025: classes(),
  };
  for (const set of [vsic2018, vsic2025]) {
    for (const [category, codes] of Object.entries(set.categories))
      for (const code of codes) index[set.system][classNumber(code)] = category;
  }
  const categories = [...new Set([...Object.keys(vsic2018.categories), ...Object.keys(vsic2025.categories)])];
  return {
    id: `${vsic2018.id}+${vsic2025.id}`,
    categories,
    bySystem: { vsic2018, vsic2025 },
    categoryOf: (system, code) => {
      const n = classNumber(code);
      return n < 0 ? null : (index[system][n] ?? null);
    },
  };
}

/** Rule references as configured: bundled ids, or paths relative to `baseDir` (the config's folder). */
export function loadRuleBook(spec: { vsic2018: string; vsic2025: string }, baseDir?: string): RuleBook {
  return buildRuleBook(
    loadRuleSet(spec.vsic2018, 'vsic2018', baseDir),
    loadRuleSet(spec.vsic2025, 'vsic2025', baseDir),
  );
}
