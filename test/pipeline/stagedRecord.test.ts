import { describe, expect, it } from 'vitest';
import type { IngestedRecord } from '../../src/domain/record.js';
import { decodeStaged, encodeStaged, scanStagedKeys } from '../../src/pipeline/stagedRecord.js';

const full: IngestedRecord = {
  enterprise_id: '2801234567-001',
  is_dependent_unit: true,
  name: 'Chi nhánh Công ty TNHH "Phần mềm" Hoà Bình, Thanh Hóa; số 1\\2',
  province_code: '38',
  legacy_province_code: '38',
  registration_date: '2024-02-29',
  main_industry_code: '6201',
  main_industry_system: 'vsic2018',
  secondary_industry_codes: ['6202', '62090'],
  secondary_industry_systems: ['vsic2018', 'vsic2025'],
  status: 'active',
  legal_form: 'Chi nhánh',
  charter_capital_vnd: 9_007_199_254_740_991,
  updated_at: '2025-12-01',
  feed_id: 'thanh-hoa_2',
  line: 123_456,
};

const bare: IngestedRecord = {
  ...full,
  enterprise_id: '0100109106',
  is_dependent_unit: false,
  legacy_province_code: null,
  secondary_industry_codes: [],
  secondary_industry_systems: [],
  legal_form: null,
  charter_capital_vnd: null,
  updated_at: null,
};

describe('staged rows', () => {
  it('come back exactly as they went in, nulls and empty lists included', () => {
    expect(decodeStaged(encodeStaged(full))).toEqual(full);
    expect(decodeStaged(encodeStaged(bare))).toEqual(bare);
    expect(encodeStaged(full)).not.toContain('\n');
  });

  it('give deduplication their keys from the bytes, lines split across chunks and all', async () => {
    const text = `${encodeStaged(full)}\n${encodeStaged(bare)}\n\n${encodeStaged({ ...full, enterprise_id: '0100000009' })}`;
    const bytes = Buffer.from(text);
    for (const size of [1, 7, 64, bytes.length]) {
      const keys: Array<[string, string | null]> = [];
      await scanStagedKeys(chunks(bytes, size), (id, updated) => keys.push([id, updated]));
      expect(keys).toEqual([
        ['2801234567-001', '2025-12-01'],
        ['0100109106', null],
        ['0100000009', '2025-12-01'],
      ]);
    }
    await expect(scanStagedKeys(chunks(Buffer.from('no tabs here\n'), 4), () => undefined)).rejects.toThrow(
      /wrong number of fields/,
    );
  });

  it('refuse a field that would break the layout, naming the feed and row', () => {
    expect(() => encodeStaged({ ...full, name: 'a\tb' })).toThrow(/tab or line break/);
    expect(() => encodeStaged({ ...full, legal_form: 'x\ny' })).toThrow(/tab or line break/);
    expect(() => decodeStaged('only\tthree\tfields')).toThrow(/wrong number of fields/);
  });
});

async function* chunks(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
