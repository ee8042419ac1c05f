import type { Classification } from '../domain/classified.js';
import type { CanonicalRecord } from '../domain/record.js';
import type { RuleBook } from './ruleBook.js';

type Coded = Pick<
  CanonicalRecord,
  'main_industry_code' | 'main_industry_system' | 'secondary_industry_codes' | 'secondary_industry_systems'
>;

/**
 * A DTE is decided by the main code alone, read in its own system; a digital secondary code only
 * flags a candidate (`spec/classification.md`). Pure: the same record and rules, the same answer.
 */
export function classify(record: Coded, rules: RuleBook): Classification {
  const category = rules.categoryOf(record.main_industry_system, record.main_industry_code);
  if (category !== null) {
    return {
      is_dte: true,
      dte_category: category,
      dte_matched_code: record.main_industry_code,
      digital_secondary: false,
    };
  }
  const codes = record.secondary_industry_codes;
  for (let i = 0; i < codes.length; i++) {
    const system = record.secondary_industry_systems[i] ?? record.main_industry_system;
    if (rules.categoryOf(system, codes[i]!) !== null) return NOT_DTE_DIGITAL_SECONDARY;
  }
  return NOT_DTE;
}

// Most rows get one of these two answers: shared, and frozen so that no caller can change them for all.
const NOT_DTE: Classification = Object.freeze({
  is_dte: false,
  dte_category: null,
  dte_matched_code: null,
  digital_secondary: false,
});
const NOT_DTE_DIGITAL_SECONDARY: Classification = Object.freeze({ ...NOT_DTE, digital_secondary: true });
