import { createReadStream } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadIndustryCatalog, loadRuleBook } from '../../src/classify/index.js';
import { withClassification } from '../../src/domain/classified.js';
import type { IngestedRecord } from '../../src/domain/record.js';
import { EnterpriseJsonWriter } from '../../src/staging/enterpriseJson.js';
import { StagedRow } from '../../src/staging/stagedRecord.js';
import { parseFeed } from '../support/parseFeed.js';
import { bareRecord, fullRecord } from '../support/records.js';
import { referenceStaged as encodeStaged } from '../support/referenceStaged.js';

const rules = loadRuleBook({ vsic2018: 'vsic2018-ict-v1', vsic2025: 'vsic2025-ict-v1' });
const writer = new EnterpriseJsonWriter();
const row = new StagedRow();

/** The record staged, read back in place and written as JSON: the bytes of JSON.stringify and a `\n`. */
const same = (record: IngestedRecord) => {
  const classification = classify(record, rules);
  const staged = Buffer.from(`x${encodeStaged(record)}\n`);
  row.read(staged, 1, staged.length - 1);
  const out = Buffer.alloc(EnterpriseJsonWriter.room(row) + 3, 0xff);
  const end = writer.write(out, 3, row, classification);
  const expected = `${JSON.stringify(withClassification(record, classification))}\n`;
  expect(out.toString('utf8', 3, end)).toBe(expected);
  expect(end - 3).toBe(Buffer.byteLength(expected));
  // Twice: the second answer comes from the texts the row remembers.
  for (let i = 0; i < 2; i++) {
    expect(row.codes()).toEqual({
      is_dependent_unit: record.is_dependent_unit,
      province_code: record.province_code,
      legacy_province_code: record.legacy_province_code,
      commune_code: record.commune_code,
      registration_date: record.registration_date,
      main_industry_code: record.main_industry_code,
      main_industry_system: record.main_industry_system,
      secondary_industry_codes: record.secondary_industry_codes,
      secondary_industry_systems: record.secondary_industry_systems,
      status: record.status,
    });
  }
  expect(row.record()).toEqual(record);
};

describe('enterprise JSON lines written from staged bytes', () => {
  it('equal JSON.stringify for escapes, nulls, empty and one-element lists, DTEs and others', () => {
    same(fullRecord);
    same(bareRecord);
    same({ ...fullRecord, name: 'Công ty Cổ phần Phần mềm Việt', legal_form: 'Công ty cổ phần' });
    same({
      ...fullRecord,
      main_industry_code: '4711',
      secondary_industry_codes: ['6201'],
      secondary_industry_systems: ['vsic2018'],
    });
    same({ ...fullRecord, main_industry_code: '4711', charter_capital_vnd: 0, line: 2, feed_id: 'a"b' });
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
    expect(records.some((r) => classify(r, rules).is_dte)).toBe(true);
    for (const record of records) same(record);
  });

  it('refuse a staged row with too few or too many fields', () => {
    const line = Buffer.from(encodeStaged(fullRecord));
    expect(() => row.read(line, 0, line.indexOf(0x09))).toThrow(/wrong number of fields/);
    const longer = Buffer.from(`${encodeStaged(fullRecord)}\textra`);
    expect(() => row.read(longer, 0, longer.length)).toThrow(/too many fields/);
  });
});
