import type { ClassifiedRecord } from './classified.js';

/**
 * `JSON.stringify(withClassification(...))`, byte for byte, written field by field: the classify
 * stage serialises every record of a national export, and a template over one known shape is about
 * twice as fast as the generic walk. Validated fields (ids, codes, dates, enums) hold no character
 * JSON escapes; free text (name, legal form, feed id, category) still goes through `JSON.stringify`.
 * `test/domain/classifiedJson.test.ts` holds the two equal.
 */
export function classifiedJson(r: ClassifiedRecord): string {
  return (
    `{"enterprise_id":"${r.enterprise_id}","is_dependent_unit":${r.is_dependent_unit}` +
    `,"name":${JSON.stringify(r.name)},"province_code":"${r.province_code}"` +
    `,"legacy_province_code":${quotedOrNull(r.legacy_province_code)}` +
    `,"registration_date":"${r.registration_date}","main_industry_code":"${r.main_industry_code}"` +
    `,"main_industry_system":"${r.main_industry_system}"` +
    `,"secondary_industry_codes":${stringArray(r.secondary_industry_codes)}` +
    `,"secondary_industry_systems":${stringArray(r.secondary_industry_systems)}` +
    `,"status":"${r.status}","legal_form":${r.legal_form === null ? 'null' : JSON.stringify(r.legal_form)}` +
    `,"charter_capital_vnd":${r.charter_capital_vnd === null ? 'null' : r.charter_capital_vnd}` +
    `,"updated_at":${quotedOrNull(r.updated_at)},"feed_id":${JSON.stringify(r.feed_id)},"line":${r.line}` +
    `,"is_dte":${r.is_dte},"dte_category":${r.dte_category === null ? 'null' : JSON.stringify(r.dte_category)}` +
    `,"dte_matched_code":${quotedOrNull(r.dte_matched_code)},"digital_secondary":${r.digital_secondary}}`
  );
}

function quotedOrNull(value: string | null): string {
  return value === null ? 'null' : `"${value}"`;
}

function stringArray(values: readonly string[]): string {
  return values.length === 0 ? '[]' : `["${values.join('","')}"]`;
}
