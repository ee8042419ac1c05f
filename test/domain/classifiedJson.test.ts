import { createReadStream } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadIndustryCatalog, loadRuleBook } from '../../src/classify/index.js';
import { withClassification } from '../../src/domain/classified.js';
import { classifiedJson } from '../../src/domain/classifiedJson.js';
import type { IngestedRecord } from '../../src/domain/record.js';
import { parseFeed } from '../../src/input/index.js';
import { bareRecord, fullRecord } from '../support/records.js';

const rules = loadRuleBook({ vsic2018: 'vsic2018-ict-v1', vsic2025: 'vsic2025-ict-v1' });

const same = (record: IngestedRecord) => {
  const classified = withClassification(record, classify(record, rules));
  expect(classifiedJson(classified)).toBe(JSON.stringify(classified));
};

describe('classified records as JSON', () => {
  it('equal JSON.stringify for escapes, nulls, empty and one-element lists, DTEs and others', () => {
    same(fullRecord);
    same(bareRecord);
    same({
      ...fullRecord,
      main_industry_code: '4711',
      secondary_industry_codes: ['6201'],
      secondary_industry_systems: ['vsic2018'],
    });
    same({ ...fullRecord, main_industry_code: '4711', charter_capital_vnd: 0, line: 2 });
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
