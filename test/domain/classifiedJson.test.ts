import { createReadStream } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadIndustryCatalog, loadRuleBook } from '../../src/classify/index.js';
import { withClassification } from '../../src/domain/classified.js';
import { classifiedJson } from '../../src/domain/classifiedJson.js';
import type { IngestedRecord } from '../../src/domain/record.js';
import { parseFeed } from '../../src/input/index.js';

const rules = loadRuleBook({ vsic2018: 'vsic2018-ict-v1', vsic2025: 'vsic2025-ict-v1' });

const base: IngestedRecord = {
  enterprise_id: '2801234567-001',
  is_dependent_unit: true,
  name: 'Công ty "Phần mềm" \\ Hoà Bình\u2028\u0007 😀',
  province_code: '38',
  legacy_province_code: '38',
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

const same = (record: IngestedRecord) => {
  const classified = withClassification(record, classify(record, rules));
  expect(classifiedJson(classified)).toBe(JSON.stringify(classified));
};

describe('classified records as JSON', () => {
  it('equal JSON.stringify for escapes, nulls, empty and one-element lists, DTEs and others', () => {
    same(base);
    same({
      ...base,
      enterprise_id: '0100109106',
      is_dependent_unit: false,
      legacy_province_code: null,
      secondary_industry_codes: [],
      secondary_industry_systems: [],
      legal_form: null,
      charter_capital_vnd: null,
      updated_at: null,
    });
    same({
      ...base,
      main_industry_code: '4711',
      secondary_industry_codes: ['6201'],
      secondary_industry_systems: ['vsic2018'],
    });
    same({ ...base, main_industry_code: '4711', charter_capital_vnd: 0, line: 2 });
  });

  it('equal JSON.stringify on every row of a demo export', async () => {
    const file = path.resolve('fixtures/demo/national-2026-03-31.csv.gz');
    const records: IngestedRecord[] = [];
    await parseFeed(
      createReadStream(file),
      {
        feedId: 'national',
        fileName: path.basename(file),
        format: 'vn-dkkd-csv',
        asOf: '2026-03-31',
        industryCodes: 'auto',
        industry: loadIndustryCatalog(),
        defaultProvince: null,
      },
      { accept: (r) => records.push(r), reject: () => undefined, drain: async () => undefined },
    );
    expect(records.length).toBeGreaterThan(1000);
    for (const record of records) same(record);
  });
});
