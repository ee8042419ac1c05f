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
  const digitalSecondary = record.secondary_industry_codes.some(
    (code, i) =>
      rules.categoryOf(record.secondary_industry_systems[i] ?? record.main_industry_system, code) !== null,
  );
  return { is_dte: false, dte_category: null, dte_matched_code: null, digital_secondary: digitalSecondary };
}
