import type { IngestedRecord } from '../../src/domain/record.js';
import { text } from '../../src/staging/stagedRecord.js';

/** The staged layout written the plain way (fields joined by tabs): the oracle of `writeStaged`. */
export function referenceStaged(r: IngestedRecord): string {
  return [
    r.enterprise_id,
    r.updated_at ?? '',
    r.feed_id,
    r.is_dependent_unit ? '1' : '0',
    text(r.name, r),
    r.province_code,
    r.legacy_province_code ?? '',
    r.registration_date,
    r.main_industry_code,
    r.main_industry_system,
    r.secondary_industry_codes.join(','),
    r.secondary_industry_systems.join(','),
    r.status,
    r.legal_form === null ? '' : text(r.legal_form, r),
    r.charter_capital_vnd === null ? '' : String(r.charter_capital_vnd),
    String(r.line),
    r.commune_code ?? '',
    r.legacy_source ?? '',
  ].join('\t');
}
