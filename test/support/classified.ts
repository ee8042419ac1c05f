import type { ClassifiedRecord, PreviousRecord } from '../../src/domain/classified.js';

/** A classified record of an active non-DTE enterprise in Thanh Hóa; an id with `-` is a dependent unit. */
export function classifiedRecord(id: string, over: Partial<ClassifiedRecord> = {}): ClassifiedRecord {
  return {
    enterprise_id: id,
    is_dependent_unit: id.includes('-'),
    name: `Công ty ${id}`,
    province_code: '38',
    legacy_province_code: '38',
    legacy_source: 'province',
    commune_code: null,
    registration_date: '2020-01-01',
    main_industry_code: '1074',
    main_industry_system: 'vsic2018',
    secondary_industry_codes: [],
    secondary_industry_systems: [],
    status: 'active',
    legal_form: null,
    charter_capital_vnd: null,
    updated_at: null,
    feed_id: 'f',
    line: 2,
    is_dte: false,
    dte_category: null,
    dte_matched_code: null,
    digital_secondary: false,
    ...over,
  };
}

/** The same enterprise as the previous snapshot remembers it. */
export function previousRecord(id: string, over: Partial<PreviousRecord> = {}): PreviousRecord {
  return {
    enterprise_id: id,
    is_dependent_unit: false,
    province_code: '38',
    legacy_province_code: '38',
    status: 'active',
    is_dte: false,
    ...over,
  };
}
