import type { IngestedRecord } from '../../src/domain/record.js';

/**
 * A record with every field set and text that is awkward to carry: quotes, a backslash, Vietnamese
 * in both tone-mark styles, a line separator, a control character and an astral emoji (no tab or
 * line break: validation removes those).
 */
export const fullRecord: IngestedRecord = {
  enterprise_id: '2801234567-001',
  is_dependent_unit: true,
  name: 'Chi nhánh Công ty TNHH "Phần mềm" Hoà Bình, Thanh Hóa; số 1\\2\u2028\u0007 😀',
  province_code: '38',
  legacy_province_code: '38',
  legacy_source: 'commune',
  commune_code: '14797',
  registration_date: '2024-02-29',
  main_industry_code: '6201',
  main_industry_system: 'vsic2018',
  secondary_industry_codes: ['6202', '62090'],
  secondary_industry_systems: ['vsic2018', 'vsic2025'],
  status: 'active',
  legal_form: 'Chi nhánh "A"',
  charter_capital_vnd: 9_007_199_254_740_991,
  updated_at: '2025-12-01',
  feed_id: 'thanh-hoa_2',
  line: 123_456,
};

/** The same enterprise with every optional field empty and no secondary codes. */
export const bareRecord: IngestedRecord = {
  ...fullRecord,
  enterprise_id: '0100109106',
  is_dependent_unit: false,
  legacy_province_code: null,
  legacy_source: null,
  commune_code: null,
  secondary_industry_codes: [],
  secondary_industry_systems: [],
  legal_form: null,
  charter_capital_vnd: null,
  updated_at: null,
};
